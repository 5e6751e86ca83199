import ArgumentParser
import DossierCore
import Foundation

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read reports and print their title, date, credits, captions and clean body, with every layer found.",
        discussion: """
            Inputs are plain-text files (UTF-8 with or without a BOM, or UTF-16 with one), web \
            pages (.html, .htm, gzipped or not, or HTML on standard input: the article is found \
            in the page), web archives (.warc, .warc.gz: each HTML response record an article, with \
            its URL and fetch date), folders (walked for .txt, .text, .md, .json, .jsonl, .html, .htm, \
            .warc and .gz files), JSON Lines dumps \
            (.jsonl: one article a line, {"text": ..., "id", "title", "date", "url"} with all \
            but text optional; when "title" is present the text is all body), or - for \
            standard input. With no input, the sample report Dossier carries is read.

            Several inputs are processed on every core and printed in input order, one JSON \
            object a line. A file that cannot be read is reported on standard error, the others \
            are still processed, and the exit status is 1.

            Examples:
              dossier extract                              the sample report, as a summary
              dossier extract report.txt --format json     the JSON contract (see design/EVAL.md)
              dossier extract reports/ --date 2023-07-26   a folder, one JSON object a line
              cat report.txt | dossier extract -          standard input
            """
    )

    @Argument(help: "Files, folders, or - for standard input. None: the embedded sample report.")
    var inputs: [String] = []

    @Option(
        help: "Output: text (a summary; the default on a terminal), json (the contract; one object a line for several reports), or jsonl.")
    var format: OutputFormat?

    @Flag(
        help: "Only find the article: title, date, credits, captions and body, without the other layers (fast, for corpora and web pages).")
    var bodyOnly = false

    @Option(help: "An event-type model from `dossier train events`, instead of the shipped one.")
    var eventModel: String?

    @Option(help: "Worker threads (default: every core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(
        help: """
            Read each input in a worker process (--jobs of them): an input that crashes the reader fails alone, with \
            the signal, and the run goes on in a fresh worker. Not with - (standard input).
            """)
    var isolate = false

    /// Serve a parent's `--isolate` run: input numbers in on standard input, outcomes out as lines of JSON.
    @Flag(help: .hidden)
    var worker = false

    @OptionGroup var reading: ReadingOptions

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, jsonl
    }

    func validate() throws {
        if jobs <= 0 { throw ValidationError("--jobs must be positive") }
        if isolate && inputs.contains("-") { throw ValidationError("--isolate reads files, not standard input (-)") }
    }

    func run() throws {
        let intake = reading.intake
        let units: [InputUnit]
        if inputs.isEmpty {
            units = [try .embeddedSample()]
        } else {
            units = intake.units(for: inputs)
        }
        let format = self.format ?? (isatty(STDOUT_FILENO) == 1 ? .text : .json)
        let eventTypes = try eventModel.map { path in
            do {
                return try EventTypeClassifier(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw ValidationError("\(path): \(error)")
            }
        }
        let pipeline = bodyOnly ? try Pipeline(Pipeline.article()) : Pipeline.standard(eventTypes: eventTypes ?? .english)
        let job = ExtractionJob(
            reader: reading.reader(pipeline), format: format,
            single: units.count == 1)
        if worker {
            IsolatedWorkers.serve { index in
                guard units.indices.contains(index) else { return nil }
                // Fault injection for the tests of --isolate: a worker traps, or hangs, on the input of the given name.
                let environment = ProcessInfo.processInfo.environment
                if let name = environment["DOSSIER_TRAP_ON"], units[index].source == name { fatalError("DOSSIER_TRAP_ON: \(name)") }
                if let name = environment["DOSSIER_HANG_ON"], units[index].source == name { while true { sleep(60) } }
                return job.process(units[index])
            }
            return
        }
        let failures: Int
        if isolate {
            // A worker is stopped when it answers nothing for twice the report's budget (checked in the worker only as each
            // stage ends) and a second more.
            let workers = IsolatedWorkers(
                count: jobs, arguments: CommandLine.arguments.dropFirst().filter { $0 != "--isolate" } + ["--worker"],
                deadline: reading.seconds > 0 ? reading.seconds * 2 + 1 : nil)
            let names = units.map(\.source)
            failures = BatchRunner(jobs: jobs).run(Array(units.indices)) { workers.process($0, name: names[$0]) }
            workers.finish()
        } else {
            failures = BatchRunner(jobs: jobs).run(units, job.process)
        }
        if failures > 0 {
            FileHandle.standardError.write(Data("dossier: \(failures) of \(units.count) input(s) failed\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// What `extract` does with one input: read it, run the pipeline, format the result.
struct ExtractionJob: Sendable {
    let reader: ReportReader
    let format: Extract.OutputFormat
    let single: Bool

    func process(_ unit: InputUnit) -> Outcome {
        do throws(InputError) {
            let article = try reader.load(unit)
            let document: Document
            do {
                document = try reader.read(article)
            } catch {
                return Outcome(output: nil, messages: ["dossier: error: \(article.source): \(error)"], failed: true)
            }
            let notes = document.diagnostics.map { "dossier: warning: \($0)" }
            switch format {
            case .text: return Outcome(output: ExtractionOutput.text(document) + "\n", messages: notes, failed: false)
            case .json: return Outcome(output: ExtractionOutput.json(document, pretty: single) + "\n", messages: notes, failed: false)
            case .jsonl: return Outcome(output: ExtractionOutput.json(document) + "\n", messages: notes, failed: false)
            }
        } catch {
            return Outcome(output: nil, messages: ["dossier: error: \(error)"], failed: true)
        }
    }
}
