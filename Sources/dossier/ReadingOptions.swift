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
        transform: ReportDate.argument)
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

extension ReportDate {
    /// The date of a `--date` option, refused as the command line refuses a value.
    static func argument(_ text: String) throws -> ReportDate {
        do {
            return try ReportDate(validating: text)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
