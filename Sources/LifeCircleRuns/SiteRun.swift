import LifeCircleCoverage
import LifeCircleNorms
import LifeCircleSiting

/// `lifecircle site` as a library call: where new facilities close the coverage gap.
public enum SiteRun {
    public struct Request: Hashable, Sendable {
        public var demand: LayerInput
        /// Existing facilities, kept.
        public var facilities: LayerInput
        public var candidates: LayerInput
        public var kind: DemandKind?
        public var access: AccessRequest
        public var goal: SitingGoal
        public var measure: SitingMeasure
        public var rules: String?
        /// Facilities serve at most their floor area ÷ the norm × 100 households.
        public var capacitated: Bool
        /// m² per 100 households for capacitated siting; nil: the pack's.
        public var norm: Double?
        public var personsPerHousehold: Double?
        public var solve: SolveOptions
        public var fieldOverrides: [String: String]
        public var output: OutputRequest

        public init(demand: LayerInput, facilities: LayerInput, candidates: LayerInput, kind: DemandKind? = nil,
                    access: AccessRequest = AccessRequest(), goal: SitingGoal, measure: SitingMeasure = .units, rules: String? = nil,
                    capacitated: Bool = false, norm: Double? = nil, personsPerHousehold: Double? = nil,
                    solve: SolveOptions = SolveOptions(), fieldOverrides: [String: String] = [:], output: OutputRequest) {
            (self.demand, self.facilities, self.candidates, self.kind, self.access) = (demand, facilities, candidates, kind, access)
            (self.goal, self.measure, self.rules, self.capacitated, self.norm) = (goal, measure, rules, capacitated, norm)
            (self.personsPerHousehold, self.solve, self.fieldOverrides, self.output) = (personsPerHousehold, solve, fieldOverrides, output)
        }
    }

    public struct Result: Sendable {
        public var report: SitingReport
        public var written: [String]
    }

    public static func run(_ request: Request, progress: some RunProgress = SilentProgress()) throws -> Result {
        try request.output.refuseOverwriting([request.demand, request.facilities, request.candidates, request.access.network],
                                             names: SitingFiles.names(request.output.format))
        try request.access.checkRanges()
        let pack = try request.rules.map { try RulePackLibrary.standard.load($0) }
        // Every layer is measured in the demand units' metric CRS.
        let inputs = try RunInputs(request.demand, [request.facilities, request.candidates], fieldOverrides: request.fieldOverrides,
                                   progress: progress, names: ["demand units", "facilities", "candidate sites"],
                                   geometry: [.pointsOrAreas, .any, .pointsOrAreas])
        let (demand, facilities, candidates) = (inputs.primary, inputs.others[0], inputs.others[1])
        let chosen = try progress.step(request.access.network.map { "read the street network \($0.path)" } ?? "straight-line access") {
            try request.access.choose(pack: pack, metric: inputs.metric)
        }
        let report = try progress.step("choose among \(candidates.features.count) candidate sites") {
            try SitingAnalysis.run(.init(
                demand: demand, facilities: facilities, candidates: candidates, kind: request.kind, model: chosen.model,
                profile: chosen.description, profileZh: chosen.descriptionZh, minutes: chosen.minutes, radius: chosen.radius, goal: request.goal,
                measure: request.measure, pack: pack, capacitated: request.capacitated, norm: request.norm,
                personsPerHousehold: request.personsPerHousehold, options: request.solve, notes: request.output.notes))
        }
        let written = try progress.step("write \(request.output.folder)") {
            let areas = try SitingAnalysis.serviceAreas(report, facilities: facilities, candidates: candidates, model: chosen.model)
            return try SitingFiles.write(report, layers: .init(demand: demand, facilities: facilities, candidates: candidates,
                                                              existingAreas: areas.existing, proposedAreas: areas.proposed),
                                         to: request.output.folder, language: request.output.language, format: request.output.format)
        }
        return Result(report: report, written: written)
    }
}
