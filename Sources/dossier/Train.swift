import ArgumentParser
import DossierCore
import Foundation

struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train Dossier's models on data you have.",
        discussion: """
            The name recogniser is trained in two steps: word clusters learned from raw news text, then the \
            recogniser itself on CoNLL-2003 column files, reading those clusters:

              dossier train clusters ../shared/data/news/bulk-30mb.jsonl --out clusters.txt
              dossier train ner --train ../shared/data/conll2003/train.txt \\
                  --dev ../shared/data/conll2003/dev.txt --clusters clusters.txt --out english.dner

            scripts/ner_train.sh runs both with the settings of the shipped model.
            """,
        subcommands: [TrainNames.self, TrainClusters.self]
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

    @Option(help: "Passes over the training data.")
    var epochs = 15

    @Option(help: "Features seen fewer times in the training data get no weight.")
    var minCount = 1

    @Option(help: "Tagging passes: 2 adds a pass that reads the first one's tags across the document.")
    var passes = 2

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
        if let clusters {
            trainer.clusters = try WordClusters(text: String(contentsOfFile: clusters, encoding: .utf8))
            NER.note("\(trainer.clusters.wordCount) words with clusters from \(clusters)")
        }
        if let gazetteer {
            trainer.gazetteer = try Gazetteer(knowledgeBase: URL(fileURLWithPath: gazetteer))
            NER.note("\(trainer.gazetteer.count) gazetteer phrases from \(gazetteer)")
        }
        let trainDocuments = CoNLL.documents(try String(contentsOfFile: train, encoding: .utf8))
        let devDocuments = CoNLL.documents(try String(contentsOfFile: dev, encoding: .utf8))
        let settings = [
            "train: \((train as NSString).lastPathComponent), dev: \((dev as NSString).lastPathComponent)",
            "clusters: \(clusters.map { ($0 as NSString).lastPathComponent } ?? "none") (\(trainer.clusters.wordCount) words)",
            "gazetteer: \(gazetteer == nil ? "none" : "\(trainer.gazetteer.count) phrases")",
            "passes: \(passes), epochs: up to \(epochs) (best on dev), min-count: \(minCount)",
        ]
        let start = DispatchTime.now()
        let (recognizer, score) = try trainer.train(trainDocuments, dev: devDocuments, notes: settings.joined(separator: "\n")) {
            NER.note($0)
        }
        let notes = settings + [String(format: "dev F1 (quantised): %.2f", score.f1)]
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

    func run() throws {
        let start = DispatchTime.now()
        let intake = Intake()
        let tokenizer = Tokenizer(abbreviations: LanguageData.english.abbreviations)
        var sentences: [[String]] = []
        for unit in intake.units(for: corpus) {
            let article = try intake.load(unit)
            for paragraph in article.text.split(separator: "\n") {
                let folded = FoldedText(Array(paragraph.utf8))
                var spans: [Span] = []
                tokenizer.tokenize(folded.bytes, Span(0, folded.bytes.count), into: &spans)
                if !spans.isEmpty { sentences.append(spans.map { folded.string($0) }) }
            }
        }
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
