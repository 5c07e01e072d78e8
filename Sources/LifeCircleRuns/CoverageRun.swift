import LifeCircleCoverage
import LifeCircleGeometry
import LifeCircleNorms

/// `lifecircle coverage` as a library call: demand units and facilities read, access measured
/// (network or straight line), service circles and the merged area drawn, every output written.
public enum CoverageRun {
    public struct Request: Hashable, Sendable {
        public var demand: LayerInput
        public var facilities: LayerInput
        /// Every unit taken as this kind, whatever its attributes say.
        public var kind: DemandKind?
        public var access: AccessRequest
        /// A rule pack whose coverage targets are judged.
        public var rules: String?
        public var fieldOverrides: [String: String]
        public var output: OutputRequest

        public init(demand: LayerInput, facilities: LayerInput, kind: DemandKind? = nil, access: AccessRequest = AccessRequest(),
                    rules: String? = nil, fieldOverrides: [String: String] = [:], output: OutputRequest) {
            (self.demand, self.facilities, self.kind, self.access) = (demand, facilities, kind, access)
            (self.rules, self.fieldOverrides, self.output) = (rules, fieldOverrides, output)
        }
    }

    public struct Result: Sendable {
        public var report: CoverageReport
        public var written: [String]
    }

    public static func run(_ request: Request, progress: some RunProgress = SilentProgress()) throws -> Result {
        try request.output.refuseOverwriting([request.demand, request.facilities, request.access.network],
                                             names: CoverageFiles.names(request.output.format))
        try request.access.checkRanges()
        let pack = try request.rules.map { try RulePackLibrary.standard.load($0) }
        let inputs = try RunInputs(request.demand, [request.facilities], fieldOverrides: request.fieldOverrides,
                                   progress: progress, names: ["demand units", "facilities"], geometry: [.pointsOrAreas, .any])
        let (demand, facilities) = (inputs.primary, inputs.others[0])
        let chosen = try progress.step(request.access.network.map { "read the street network \($0.path)" } ?? "straight-line access") {
            try request.access.choose(pack: pack, metric: inputs.metric)
        }
        let report = try progress.step("travel from \(facilities.features.count) facilities to \(demand.features.count) units") {
            try CoverageAnalysis.run(.init(
                demand: demand, facilities: facilities, kind: request.kind, model: chosen.model, profile: chosen.description, profileZh: chosen.descriptionZh,
                minutes: chosen.minutes, radius: chosen.radius, pack: pack, notes: request.output.notes))
        }
        let circles = try progress.step("draw \(facilities.features.count) service circles") {
            try CoverageAnalysis.serviceAreas(of: facilities, model: chosen.model)
        }
        let area = try progress.step("merge the coverage area") { try CoverageAnalysis.coverageArea(of: facilities, model: chosen.model) }
        let written = try progress.step("write \(request.output.folder)") {
            try CoverageFiles.write(report, demand: demand, facilities: facilities, circles: circles, area: area,
                                    to: request.output.folder, language: request.output.language, format: request.output.format)
        }
        return Result(report: report, written: written)
    }
}
