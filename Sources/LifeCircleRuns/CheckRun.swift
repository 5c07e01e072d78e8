import LifeCircleCompliance
import LifeCircleNorms

/// `lifecircle check` as a library call: districts and facilities (and administrative units)
/// read and made ready, checked against a rule pack, every output written.
public enum CheckRun {
    public struct Request: Hashable, Sendable {
        public var districts: LayerInput
        public var facilities: LayerInput
        /// Administrative units, for the service-network rules.
        public var units: LayerInput?
        /// A bundled pack's name or a .yaml file's path.
        public var rules: String
        /// `--field canonical=source` overrides, given to the layers that have the column.
        public var fieldOverrides: [String: String]
        /// Persons per household where only population is given; nil: the pack's.
        public var personsPerHousehold: Double?
        public var output: OutputRequest

        public init(districts: LayerInput, facilities: LayerInput, units: LayerInput? = nil, rules: String,
                    fieldOverrides: [String: String] = [:], personsPerHousehold: Double? = nil, output: OutputRequest) {
            (self.districts, self.facilities, self.units, self.rules) = (districts, facilities, units, rules)
            (self.fieldOverrides, self.personsPerHousehold, self.output) = (fieldOverrides, personsPerHousehold, output)
        }
    }

    public struct Result: Sendable {
        public var report: ComplianceReport
        /// The files written, in `ComplianceFiles.names` order.
        public var written: [String]
    }

    public static func run(_ request: Request, progress: some RunProgress = SilentProgress()) throws -> Result {
        try request.output.refuseOverwriting([request.districts, request.facilities, request.units],
                                             names: ComplianceFiles.names(request.output.format))
        let pack = try RulePackLibrary.standard.load(request.rules)
        // Every layer is measured in the districts' metric CRS.
        let inputs = try RunInputs(request.districts, [request.facilities] + (request.units.map { [$0] } ?? []),
                                   fieldOverrides: request.fieldOverrides, progress: progress,
                                   names: ["districts", "facilities", "units"], geometry: [.areas, .any, .areas])
        let (districts, facilities) = (inputs.primary, inputs.others[0])
        let report = try progress.step("check \(districts.features.count) districts against \(pack.id)") {
            try ComplianceCheck.run(.init(districts: districts, facilities: facilities, units: inputs.others.dropFirst().first,
                                          pack: pack, personsPerHousehold: request.personsPerHousehold, notes: request.output.notes))
        }
        let written = try progress.step("write \(request.output.folder)") {
            try ComplianceFiles.write(report, districts: districts, facilities: facilities, to: request.output.folder,
                                      language: request.output.language, format: request.output.format)
        }
        return Result(report: report, written: written)
    }
}
