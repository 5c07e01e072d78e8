import LifeCircleCRS
import LifeCircleIO
import LifeCircleInput

/// A run's input layers made ready under one metric CRS, the first layer's: every file read at
/// once (one thread each), `--field` overrides given to the layers that have their columns, the
/// first layer prepared, then the others in its CRS.
struct RunInputs {
    let primary: InputLayer
    let others: [InputLayer]
    let metric: CRS

    /// `geometry`: what each layer (0 the first) must hold; layers beyond it take any geometry.
    init(_ primary: LayerInput, _ others: [LayerInput], fieldOverrides: [String: String], progress: some RunProgress,
         names: [String], geometry: [RequiredGeometry] = []) throws {
        func required(_ i: Int) -> RequiredGeometry { i < geometry.count ? geometry[i] : .any }
        let inputs = [primary] + others
        let read = try progress.step("read " + inputs.map(\.path).joined(separator: ", "),
                                     result: { "\($0.map(\.records.count).map(String.init).joined(separator: " + ")) features" }) {
            try InputLoader.read(inputs.map { ($0.path, LoadOptions(sourceCRS: $0.from)) })
        }
        let overrides = try FieldOverrides.distribute(fieldOverrides, over: read.map { $0.info.fields.map(\.name) })
        let first = try progress.step("prepare \(names[0])", result: Self.describe) {
            var options = LoadOptions(sourceCRS: primary.from, fieldOverrides: overrides[0])
            options.geometry = required(0)
            return try InputLoader.prepare(read[0], options: options)
        }
        let metric = first.crs.metric
        self.primary = first
        self.metric = metric
        self.others = try others.indices.map { i in
            try progress.step("prepare \(names[i + 1])", result: Self.describe) {
                var options = LoadOptions(sourceCRS: others[i].from, metricCRS: metric, fieldOverrides: overrides[i + 1])
                options.geometry = required(i + 1)
                return try InputLoader.prepare(read[i + 1], options: options)
            }
        }
    }

    /// A prepared layer in a step's line: how many features it kept and rejected.
    static func describe(_ layer: InputLayer) -> String {
        "\(layer.features.count) features" + (layer.rejections.isEmpty ? "" : ", \(layer.rejections.count) rejected")
    }
}
