import ArgumentParser

@main
struct LifeCircle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lifecircle",
        abstract: "Elderly-care facility compliance, 15-minute coverage and siting on real geographic data.",
        discussion: """
            Exit status: 0 the run completed; 1 with check --fail-on-noncompliance when a district \
            fails; 64 bad usage (also an output that would replace an input); 65 bad input data (the \
            message names the file, feature and field); 73 an output cannot be written.
            """,
        subcommands: [Inspect.self, Convert.self, Check.self, Coverage.self, Site.self, Rules.self])
}
