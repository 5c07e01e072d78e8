// lifecircle-bench <case> [--option value …]: runs one benchmark case's LifeCircle contender and
// prints one JSON line for Scripts/bench/run.py, which runs the case's other contenders on the
// same data and compares. Add a case: a `<Name>Case.swift` with a `run(_ options: Options)` and a
// line in `cases` below.

let cases: [(name: String, summary: String, run: (Options) throws -> Void)] = [
    ("spatial-join", "points within polygons, count per polygon (SpatialIndex)", SpatialJoinCase.run),
    ("compliance", "districts × facilities against the yinchuan-2020 pack (ComplianceCheck.run)", ComplianceCase.run),
    ("siting", "MCLP and LSCP on a travel-time matrix (SitingSolver.solve, CBC)", SitingCase.run),
    ("coverage", "nearest facility and service areas on a street network (StreetGraph, NetworkTravelTimes)", CoverageCase.run),
]

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let entry = cases.first(where: { $0.name == name }) else {
    var usage = "usage: lifecircle-bench <case> [--option value …]\ncases:\n"
    for c in cases { usage += "  \(c.name.padding(toLength: 14, withPad: " ", startingAt: 0)) \(c.summary)\n" }
    Bench.fail(usage, code: arguments.isEmpty || ["-h", "--help"].contains(arguments[0]) ? 0 : 2)
}
do {
    try entry.run(try Options(Array(arguments.dropFirst())))
} catch {
    Bench.fail("\(name): \(error)")
}
