import ArgumentParser
import DossierCore
import Foundation

/// How the commands that read reports read them: the reference date, the size limit and the time budget, each checked
/// as it is parsed.
struct ReadingOptions: ParsableArguments {
    @Option(
        help: """
            The reports' date, YYYY-MM-DD (or YYYY-MM, YYYY): the reference for 'Wednesday' or 'last week'. A report's \
            own date (a JSON Lines record's, a page's) wins.
            """,
        transform: ReportDate.init(validating:))
    var date: ReportDate?

    @Option(help: "Refuse files larger than this many bytes.")
    var maxBytes: Int = 100 << 20

    @Option(
        name: .customLong("doc-timeout"),
        help: """
            Seconds one report may take (0: no limit). A report past it fails with its stage named and the run goes \
            on; a real report takes milliseconds.
            """)
    var seconds: Double = 30

    func validate() throws {
        if maxBytes <= 0 { throw ValidationError("--max-bytes must be positive") }
        if !(seconds >= 0) || seconds > 1e9 { throw ValidationError("--doc-timeout must be a number of seconds, 0 or more") }
    }

    var intake: Intake { Intake(maxBytes: maxBytes) }

    /// The reader of these options with `pipeline`.
    func reader(_ pipeline: Pipeline) -> ReportReader {
        ReportReader(
            intake: intake, pipeline: pipeline, date: date?.value, budget: seconds > 0 ? .milliseconds(Int64(seconds * 1000)) : nil)
    }
}

/// A report's reference date as a user gives it: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
struct ReportDate {
    let value: String

    init(validating text: String) throws {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        var valid = (1...3).contains(parts.count) && parts[0].count == 4 && Int(parts[0]) != nil
        if valid, parts.count >= 2 { valid = parts[1].count == 2 && Int(parts[1]).map { (1...12).contains($0) } == true }
        if valid, parts.count == 3 { valid = parts[2].count == 2 && Int(parts[2]).map { (1...31).contains($0) } == true }
        guard valid else { throw ValidationError("not a date of the form YYYY-MM-DD, YYYY-MM or YYYY") }
        value = text
    }
}
