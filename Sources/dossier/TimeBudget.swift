import ArgumentParser

/// The `--doc-timeout` option of the commands that read many reports.
struct TimeBudget: ParsableArguments {
    @Option(
        name: .customLong("doc-timeout"),
        help: """
            Seconds one report may take (0: no limit). A report past it fails with its stage named and the run goes \
            on; a real report takes milliseconds.
            """)
    var seconds: Double = 30

    func validate() throws {
        if !(seconds >= 0) || seconds > 1e9 { throw ValidationError("--doc-timeout must be a number of seconds, 0 or more") }
    }

    /// The budget of one document, or nil for none.
    var budget: Duration? { seconds > 0 ? .milliseconds(Int64(seconds * 1000)) : nil }
}
