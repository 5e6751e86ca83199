import ArgumentParser
import DossierCore
import DossierStore
import Foundation

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read reports into the store: each article, what it says, and the entities and events merged across reports.",
        discussion: """
            Takes what `dossier extract` takes: files, folders, .jsonl dumps, .html pages, .gz files, .warc and \
            .warc.gz web archives. Articles \
            are extracted on every core and written by one writer, a transaction every --batch-size articles. \
            An article whose text is already stored is skipped before extraction, so ingesting again changes \
            nothing, and a run cut short (even by kill -9) leaves the store consistent: run it again to finish. \
            A file that cannot be read is reported and skipped; an article that fails or runs past --doc-timeout \
            is reported and kept in the store as failed with its error (`dossier query failures` lists them; \
            another run skips them unless --retry-failed). The run goes on, and its exit status is 1.
            Examples:
              dossier ingest reports/                                  into ./dossier.db
              dossier ingest dump.jsonl --store record.db
              dossier ingest CC-NEWS-20240305.warc.gz
              dossier ingest dump.jsonl --store postgres://dossier@localhost/dossier
            """
    )

    @Argument(help: "Files and folders to read.")
    var inputs: [String]
    @OptionGroup var store: StoreOptions
    @Option(help: "Articles a transaction.")
    var batchSize = 256
    @Option(help: "Worker threads (default: every core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @OptionGroup var reading: ReadingOptions
    @Flag(help: "Extract again the articles an earlier run stored as failed.")
    var retryFailed = false

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("name at least one file or folder to ingest") }
        if batchSize <= 0 || jobs <= 0 { throw ValidationError("--batch-size and --jobs must be positive") }
    }

    func run() throws {
        let intake = reading.intake
        let units = intake.units(for: inputs)
        var ingester = Ingester(
            store: try store.open(), reader: reading.reader(.standard()), jobs: jobs,
            batchSize: batchSize)
        ingester.retryingFailed = retryFailed
        let terminal = isatty(STDERR_FILENO) == 1
        let stderr = FileHandle.standardError
        let result = try ingester.run(
            units,
            report: { message in stderr.write(Data(((terminal ? "\r\u{1B}[K" : "") + message + "\n").utf8)) },
            progress: { progress in if terminal { stderr.write(Data(("\r\u{1B}[K" + Self.line(progress)).utf8)) } })
        if terminal { stderr.write(Data("\n".utf8)) }
        stderr.write(
            Data(
                String(
                    format: "dossier: %d added, %d already stored, %d failed, in %.1f s (%.0f a second)\n", result.added, result.skipped,
                    result.failed, result.seconds, result.rate
                ).utf8))
        try ingester.store.close()
        if result.failed > 0 { throw ExitCode(1) }
    }

    /// `[########------------] 1280/5084 reports  42%  171 a second  ETA 0:22  1 failed`.
    static func line(_ progress: IngestProgress) -> String {
        let share = progress.total > 0 ? 100 * progress.done / progress.total : 100
        let filled = share / 5
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: 20 - filled)
        let eta = Int(progress.eta.rounded())
        return String(
            format: "[%@] %d/%d reports  %d%%  %.0f a second  ETA %d:%02d  %d failed", bar, progress.done, progress.total, share,
            progress.rate, eta / 60, eta % 60, progress.failed)
    }
}
