import ArgumentParser
import DossierCore
import Foundation

struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train Dossier's models on data you have.",
        discussion: """
            The name recogniser is trained in steps: word clusters learned from raw news text, then the \
            recogniser itself on CoNLL-2003 column files, reading those clusters; optionally, the names a first \
            recogniser finds in raw news become listed names for a second one:

              dossier train clusters ../shared/data/news/bulk-30mb.jsonl --out clusters.txt
              dossier train ner --train ../shared/data/conll2003/train.txt \\
                  --dev ../shared/data/conll2003/dev.txt --clusters clusters.txt --out first.dner
              dossier train names ../shared/data/news/bulk-30mb.jsonl --model first.dner --out names.tsv
              dossier train ner ... --name-list names.tsv --refit --out english.dner

            scripts/ner_train.sh runs both with the settings of the shipped model.
            """,
        subcommands: [TrainNames.self, TrainClusters.self, TrainNameList.self, TrainSyntax.self, TrainParse.self, TrainEvents.self]
    )
}

struct TrainNames: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ner",
        abstract: "Train the name recogniser (PER, ORG, LOC, MISC) on CoNLL-2003 column files.",
        discussion: """
            A structured averaged perceptron with Viterbi decoding. Each epoch is scored on --dev (exact-span \
            F1, as conlleval scores); the best epoch is kept, its weights quantised to one byte, and written to \
            --out with a note of the data, the settings and the dev score. Never choose settings on the test set.

            --clusters takes the "BITS<TAB>WORD<TAB>COUNT" file `dossier train clusters` writes (Brown \
            clusters in Percy Liang's format work too). --gazetteer takes a folder of knowledge-base TSV files \
            (countries.tsv, cities.tsv, organisations.tsv, people.tsv, ...); the names listed become features \
            and are stored in the model.
            """
    )

    @Option(help: "The training file (CoNLL-2003 columns, NER tags last).")
    var train: String

    @Option(help: "The development file, to choose the epoch.")
    var dev: String

    @Option(help: "Where to write the model.")
    var out: String

    @Option(help: "Word clusters from `dossier train clusters`.")
    var clusters: String?

    @Option(help: "A folder of knowledge-base TSV files whose names become gazetteer features.")
    var gazetteer: String?

    @Option(help: "Files of given names, one a line (the first column counts), listed as name parts.")
    var firstNames: [String] = []

    @Option(help: "Files of surnames, one a line (the first column counts), listed as name parts.")
    var surnames: [String] = []

    @Option(help: "Name lists from `dossier train names` (PHRASE<TAB>TYPE<TAB>COUNT lines), added to the gazetteer.")
    var nameList: [String] = []

    @Option(help: "Passes over the training data.")
    var epochs = 15

    @Option(help: "Features seen fewer times in the training data get no weight.")
    var minCount = 1

    @Option(help: "Tagging passes: 2 adds a pass that reads the first one's tags across the document.")
    var passes = 2

    @Option(help: "The chance that a training word's feature is hidden for an update (0 to 0.9).")
    var dropout = 0.0

    @Option(help: "The chance that a training word's own spelling features are all hidden for an update (0 to 0.9).")
    var wordDropout = 0.0

    @Option(help: "Perceptrons trained on differently shuffled data, their weights averaged.")
    var ensemble = 1

    @Flag(help: "After choosing each pass's epochs on --dev, train again on --train and --dev together.")
    var refit = false

    func validate() throws {
        if epochs < 1 { throw ValidationError("--epochs must be at least 1") }
        if minCount < 1 { throw ValidationError("--min-count must be at least 1") }
        if !(1...2).contains(passes) { throw ValidationError("--passes must be 1 or 2") }
    }

    func run() throws {
        var trainer = NameRecognizerTrainer()
        trainer.epochs = epochs
        trainer.minimumFeatureCount = minCount
        trainer.passes = passes
        trainer.refitOnDev = refit
        trainer.dropout = dropout
        trainer.wordDropout = wordDropout
        trainer.ensemble = ensemble
        if let clusters {
            trainer.clusters = try WordClusters(text: String(contentsOfFile: clusters, encoding: .utf8))
            NER.note("\(trainer.clusters.wordCount) words with clusters from \(clusters)")
        }
        if let gazetteer {
            trainer.gazetteer = try Gazetteer(knowledgeBase: URL(fileURLWithPath: gazetteer))
            NER.note("\(trainer.gazetteer.count) gazetteer phrases from \(gazetteer)")
        }
        for file in nameList {
            let entries = try TrainNameList.read(file)
            trainer.gazetteer = trainer.gazetteer.adding(entries)
            NER.note("\(entries.count) names from \(file)")
        }
        for (files, kind) in [(firstNames, Gazetteer.WordList.firstName), (surnames, .surname)] {
            for file in files {
                let names = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").compactMap {
                    $0.split(separator: " ").first.map(String.init)
                }
                trainer.gazetteer = trainer.gazetteer.adding(words: names, as: kind)
                NER.note("\(names.count) names from \(file)")
            }
        }
        let trainDocuments = CoNLL.documents(try String(contentsOfFile: train, encoding: .utf8))
        let devDocuments = CoNLL.documents(try String(contentsOfFile: dev, encoding: .utf8))
        let settings = [
            "train: \((train as NSString).lastPathComponent), dev: \((dev as NSString).lastPathComponent)",
            "clusters: \(clusters.map { ($0 as NSString).lastPathComponent } ?? "none") (\(trainer.clusters.wordCount) words)",
            "gazetteer: \(gazetteer == nil ? "none" : "\(trainer.gazetteer.count) phrases")"
                + (nameList.isEmpty
                    ? "" : " with names found in raw news (\(nameList.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")))")
                + ", \(trainer.gazetteer.wordCount) listed words",
            "passes: \(passes), epochs: up to \(epochs) (best on dev), min-count: \(minCount), dropout: \(dropout), word dropout: \(wordDropout), ensemble: \(ensemble)"
                + (refit ? ", then trained again on train and dev with those epochs" : ""),
        ]
        let start = DispatchTime.now()
        let (recognizer, score) = try trainer.train(trainDocuments, dev: devDocuments, notes: settings.joined(separator: "\n")) {
            NER.note($0)
        }
        let notes =
            settings + [String(format: refit ? "dev F1 (quantised, trained on train alone): %.2f" : "dev F1 (quantised): %.2f", score.f1)]
        let model = recognizer.with(notes: notes.joined(separator: "\n"))
        try model.data.write(to: URL(fileURLWithPath: out))
        NER.note(String(format: "trained in %.0f s; dev, quantised as shipped:\n%@", NER.seconds(since: start), score.description))
        NER.note("wrote \(out) (\(model.data.count) bytes)")
    }
}

struct TrainClusters: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clusters",
        abstract: "Learn word clusters from raw text, for the name recogniser's features.",
        discussion: """
            Reads reports (plain text, JSON Lines with a "text" field, folders of them), tokenises them as \
            Dossier does, describes each frequent word by the frequent words up to two to either side (PPMI), \
            projects those descriptions to a few dimensions at random and splits the words by spherical \
            2-means, the largest group first, into a tree. Writes "BITS<TAB>WORD<TAB>COUNT" lines: BITS is the \
            word's path from the root, so its prefixes are coarser clusters.
            """
    )

    @Argument(help: "Files or folders of raw text (.txt, .jsonl, ...).")
    var corpus: [String]

    @Option(help: "CoNLL column files whose words (first column) join the corpus.")
    var conll: [String] = []

    @Option(help: "Where to write the clusters.")
    var out: String

    @Option(help: "How many clusters.")
    var clusters = 1_000

    @Option(help: "The most frequent words that get a cluster.")
    var vocabulary = 60_000

    @Option(help: "Words rarer than this get no cluster.")
    var minCount = 4

    /// The reports of a corpus, each as its paragraphs' words, tokenised as Dossier tokenises.
    static func reports(_ corpus: [String]) throws -> [[[String]]] {
        let intake = Intake()
        let tokenizer = Tokenizer(abbreviations: LanguageData.english.abbreviations)
        var reports: [[[String]]] = []
        for unit in intake.units(for: corpus) {
            let article = try intake.load(unit)
            var paragraphs: [[String]] = []
            for paragraph in article.text.split(separator: "\n") {
                let folded = FoldedText(Array(paragraph.utf8))
                var spans: [Span] = []
                tokenizer.tokenize(folded.bytes, Span(0, folded.bytes.count), into: &spans)
                if !spans.isEmpty { paragraphs.append(spans.map { folded.string($0) }) }
            }
            reports.append(paragraphs)
        }
        return reports
    }

    func run() throws {
        let start = DispatchTime.now()
        var sentences = try Self.reports(corpus).flatMap { $0 }
        for path in conll {
            for document in CoNLL.documents(try String(contentsOfFile: path, encoding: .utf8)) {
                sentences += document.sentences.map(\.words)
            }
        }
        let tokens = sentences.reduce(0) { $0 + $1.count }
        NER.note("\(tokens) tokens in \(sentences.count) paragraphs")
        var learner = WordClusterLearner()
        learner.clusterCount = clusters
        learner.vocabularySize = vocabulary
        learner.minimumCount = minCount
        try learner.learn(sentences).write(toFile: out, atomically: true, encoding: .utf8)
        NER.note(String(format: "wrote %@ in %.0f s", out, NER.seconds(since: start)))
    }
}

struct TrainNameList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "names",
        abstract: "List the names a name model finds in raw text, for the next model's gazetteer.",
        discussion: """
            Tags every report of the corpus with --model and counts each name found (its words and type). \
            Names found at least --min-count times, with one type at least --purity of the time, and beginning \
            with a capital, are written as "PHRASE<TAB>TYPE<TAB>COUNT" lines, most frequent first; \
            `dossier train ner --name-list` adds them to the gazetteer (self-training: what the recogniser \
            already knows in context becomes a listed name elsewhere).
            """
    )

    @Argument(help: "Files or folders of raw text (.txt, .jsonl, ...).")
    var corpus: [String]

    @Option(help: "A model file from `dossier train ner` (default: the shipped English model).")
    var model: String?

    @Option(help: "Where to write the list.")
    var out: String

    @Option(help: "Names found fewer times are left out.")
    var minCount = 3

    @Option(help: "The share of a name's uses its commonest type must have.")
    var purity = 0.9

    func run() throws {
        let start = DispatchTime.now()
        let recognizer = try model.map { try NameRecognizer(contentsOf: URL(fileURLWithPath: $0)) } ?? NameRecognizer.english
        var counts: [String: [Int]] = [:]
        var tokens = 0
        for report in try TrainClusters.reports(corpus) {
            for (words, names) in zip(report, recognizer.names(sentences: report)) {
                tokens += words.count
                for name in names where name.end - name.start <= 6 {
                    let phrase = words[name.start..<name.end].joined(separator: " ")
                    counts[phrase, default: [0, 0, 0, 0]][name.type.rawValue] += 1
                }
            }
        }
        var lines: [(phrase: String, type: NameType, count: Int)] = []
        for (phrase, byType) in counts {
            guard phrase.first?.isUppercase == true, let top = byType.indices.max(by: { byType[$0] < byType[$1] }) else { continue }
            let total = byType.reduce(0, +)
            if byType[top] >= minCount && Double(byType[top]) >= purity * Double(total) {
                lines.append((phrase, NameType(rawValue: top)!, byType[top]))
            }
        }
        lines.sort { $0.count != $1.count ? $0.count > $1.count : $0.phrase < $1.phrase }
        let text = lines.map { "\($0.phrase)\t\($0.type)\t\($0.count)\n" }.joined()
        try text.write(toFile: out, atomically: true, encoding: .utf8)
        NER.note(
            String(
                format: "%d names of %d found in %d tokens; wrote %@ in %.0f s", lines.count, counts.count, tokens, out,
                NER.seconds(since: start)))
    }

    /// Reads a list ``run()`` wrote: each phrase's words (split at spaces) and type.
    static func read(_ path: String) throws -> [(words: [String], type: NameType)] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t")
            guard fields.count >= 2, let type = NameType(label: fields[1]) else { return nil }
            return (fields[0].split(separator: " ").map(String.init), type)
        }
    }
}
