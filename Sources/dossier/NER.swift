import ArgumentParser
import DossierCore
import Foundation

struct NER: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ner",
        abstract: "Find the names of people, organisations, places and other named things (PER, ORG, LOC, MISC).",
        discussion: """
            With --conll, reads a CoNLL-2003 column file ("WORD POS CHUNK NER" lines, blank lines between \
            sentences, -DOCSTART- lines between documents) and prints it back with the predicted IOB tag as a \
            new last column, so conlleval can score it. When the file has gold tags (its last column), the \
            exact-span precision, recall and F1 go to standard error.

            Otherwise reads reports (plain-text files, or the sample report when none is given), splits them \
            into sentences and tokens as `dossier extract` does, and prints each name found: its type, its \
            byte offsets and its words.

            The model is the one Dossier ships (Resources/en/ner), unless --model names a file made by \
            `dossier train ner`.

            Examples:
              dossier ner --conll test.txt > tagged.txt       tag, and print the score to standard error
              dossier ner --conll test.txt --timing           also time loading and tagging (one core)
              dossier ner report.txt                          the names in a report
            """
    )

    @Option(help: "A CoNLL-2003 column file to tag.")
    var conll: String?

    @Option(help: "A model file from `dossier train ner` (default: the shipped English model).")
    var model: String?

    @Flag(help: "Print the model's load time and the tagging speed (one core, features and decoding) to standard error.")
    var timing = false

    @Argument(help: "Plain-text reports to read (without --conll). None: the embedded sample report.")
    var reports: [String] = []

    func validate() throws {
        if conll != nil && !reports.isEmpty { throw ValidationError("give either --conll FILE or reports, not both") }
    }

    func run() throws {
        let loadStart = DispatchTime.now()
        let recognizer = try model.map { try NameRecognizer(contentsOf: URL(fileURLWithPath: $0)) } ?? NameRecognizer.english
        let loadSeconds = Self.seconds(since: loadStart)
        if timing { Self.note(String(format: "model loaded in %.1f ms", loadSeconds * 1000)) }
        if let conll {
            try tagColumns(conll, recognizer)
        } else {
            try tagReports(recognizer)
        }
    }

    private func tagColumns(_ path: String, _ recognizer: NameRecognizer) throws {
        let documents = CoNLL.documents(try String(contentsOfFile: path, encoding: .utf8))
        let start = DispatchTime.now()
        let predicted = documents.map { recognizer.tag(sentences: $0.sentences.map(\.words)) }
        let seconds = Self.seconds(since: start)
        FileHandle.standardOutput.write(Data(CoNLL.text(documents, predicted: predicted).utf8))
        let tokens = documents.reduce(0) { $0 + $1.sentences.reduce(0) { $0 + $1.words.count } }
        if timing {
            Self.note(String(format: "tagged %d tokens in %.3f s: %.0f tokens/s on one core", tokens, seconds, Double(tokens) / seconds))
        }
        var score = NameScore()
        var scored = false
        for (document, tags) in zip(documents, predicted) {
            for (sentence, sentenceTags) in zip(document.sentences, tags) {
                guard let gold = sentence.tags else { continue }
                score.add(gold: gold, predicted: sentenceTags)
                scored = true
            }
        }
        if scored { Self.note("exact-span scores, \(path):\n\(score)") }
    }

    private func tagReports(_ recognizer: NameRecognizer) throws {
        let intake = Intake()
        let units: [InputUnit] =
            reports.isEmpty
            ? [try .embeddedSample()] : intake.units(for: reports)
        let reader = ReportReader(intake: intake, pipeline: .standard())
        for unit in units {
            let article = try reader.load(unit)
            let document = try reader.read(article)
            let sentences = document.sentences.map { sentence in document.tokens[sentence.tokens].map { document.form($0) } }
            print("# \(article.source)")
            for (sentence, names) in zip(document.sentences, recognizer.names(sentences: sentences)) {
                for name in names {
                    let tokens = document.tokens[(sentence.tokens.lowerBound + name.start)..<(sentence.tokens.lowerBound + name.end)]
                    let span = Span(tokens.first!.span.start, tokens.last!.span.end)
                    print("\(name.type)\t\(span.start)-\(span.end)\t\(document.string(span))")
                }
            }
        }
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    static func note(_ line: String) {
        FileHandle.standardError.write(Data("\(line)\n".utf8))
    }
}
