import ArgumentParser
import DossierCore
import Foundation

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show why Dossier found each event: its sentence, the pattern that fired, and the actors' mentions.",
        discussion: """
            For every event of a report: the sentence that states it, the trigger word and the line of \
            event-patterns.txt that fired, the source and target with the mentions that name them (and the \
            rule or model that found each), the date and how it was fixed, the status and the attribution.

            Examples:
              dossier explain                      the sample report
              dossier explain report.txt --date 2023-07-26
            """
    )

    @Argument(help: "A report (text, JSON Lines record file or -). None: the embedded sample report.")
    var input: String?

    @OptionGroup var reading: ReadingOptions

    func run() throws {
        let intake = reading.intake
        let unit: InputUnit
        if let input {
            guard let first = intake.units(for: [input]).first else { throw ValidationError("\(input): nothing to read") }
            unit = first
        } else {
            unit = try .embeddedSample()
        }
        let reader = reading.reader(.standard())
        let article: RawArticle
        do {
            article = try reader.load(unit)
        } catch {
            FileHandle.standardError.write(Data("dossier: error: \(error)\n".utf8))
            throw ExitCode(1)
        }
        print(ExtractionOutput.explanation(try reader.read(article)))
    }
}
