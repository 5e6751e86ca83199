import ArgumentParser
import DossierCore
import Foundation

struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parse sentences into Universal Dependencies trees, or score the parser on a treebank.",
        discussion: """
            With --conllu, parses the words of a CoNLL-U treebank (its own tokens, Dossier's own part-of-speech \
            tags) and prints the unlabelled and labelled attachment scores as the CoNLL 2018 shared task counts \
            them (punctuation excluded, relations without subtypes); --out writes the parsed file, with Dossier's own tags in its XPOS column.

            Otherwise reads reports (plain-text files, or the sample report when none is given), splits them \
            into sentences and tokens as `dossier extract` does, and prints each sentence's tree in CoNLL-U.

            Examples:
              dossier parse --conllu ../shared/data/ud/en_ewt-ud-test.conllu --timing
              dossier parse report.txt
            """
    )

    @Option(help: "A CoNLL-U treebank to parse and score.")
    var conllu: String?

    @Option(help: "With --conllu: write the parsed treebank here, in CoNLL-U.")
    var out: String?

    @Option(help: "A model file from `dossier train parse` (default: the shipped English model).")
    var model: String?

    @Flag(
        help: "Print the model's load time and the parsing speed (one core; tagging included, and the parser alone) to standard error.")
    var timing = false

    @Option(help: "Parse with a beam of this width instead of the model's own (1: greedy).")
    var beam: Int?

    @Argument(help: "Plain-text reports to parse (without --conllu). None: the embedded sample report.")
    var reports: [String] = []

    func validate() throws {
        if conllu != nil && !reports.isEmpty { throw ValidationError("give either --conllu FILE or reports, not both") }
        if out != nil && conllu == nil { throw ValidationError("--out writes a parsed --conllu file") }
        if let beam, !(1...64).contains(beam) { throw ValidationError("--beam must be 1 to 64") }
    }

    func run() throws {
        let loadStart = DispatchTime.now()
        var parser = try model.map { try DependencyParser(contentsOf: $0) } ?? DependencyParser.english
        if let beam { parser = parser.withBeamWidth(beam) }
        if timing { NER.note(String(format: "model loaded in %.1f ms", NER.seconds(since: loadStart) * 1000)) }
        if let conllu {
            try score(parser, conllu)
        } else {
            try parseReports(parser)
        }
    }

    private func score(_ parser: DependencyParser, _ path: String) throws {
        let sentences = try TreebankSentence.read(path)
        let start = DispatchTime.now()
        let parsed = sentences.map { parser.parseAndTag($0.words) }
        let seconds = NER.seconds(since: start)
        let trees = parsed.map(\.tree)
        var score = AttachmentScore()
        for (sentence, tree) in zip(sentences, trees) { score.add(gold: sentence, parsed: tree) }
        print("\(path): \(score)")
        if timing {
            let words = sentences.reduce(0) { $0 + $1.words.count }
            let tagged = sentences.map { parser.tag($0.words) }
            let parseStart = DispatchTime.now()
            _ = tagged.map { parser.parse($0) }
            let parseSeconds = NER.seconds(since: parseStart)
            NER.note(
                String(
                    format: "parsed %d words in %.3f s: %.0f words/s on one core (tagging included); "
                        + "parser alone (beam %d) %.0f words/s", words, seconds, Double(words) / seconds,
                    parser.beamWidth, Double(words) / parseSeconds))
        }
        if let out {
            let text = zip(sentences, parsed).map { sentence, parsed in
                Self.conllu(
                    words: sentence.words, tree: parsed.tree, universalTags: sentence.universalTags,
                    tags: parsed.pos.map(\.tag))
            }.joined(separator: "\n")
            try Data(text.utf8).write(to: URL(fileURLWithPath: out))
        }
    }

    private func parseReports(_ parser: DependencyParser) throws {
        let intake = Intake()
        let units: [InputUnit] =
            reports.isEmpty
            ? [try .embeddedSample()] : intake.units(for: reports)
        let reader = ReportReader(intake: intake, pipeline: try Pipeline(Pipeline.reading()))
        for unit in units {
            let article = try reader.load(unit)
            let document = try reader.read(article)
            print("# source = \(article.source)")
            for sentence in document.sentences {
                let words = document.tokens[sentence.tokens].map { document.form($0) }
                print(
                    "# text = \(document.string(Span(document.tokens[sentence.tokens.lowerBound].span.start, document.tokens[sentence.tokens.upperBound - 1].span.end)))"
                )
                let (tree, tags) = parser.parseAndTag(words)
                print(Self.conllu(words: words, tree: tree, universalTags: nil, tags: tags.map(\.tag)))
            }
        }
    }

    /// One sentence in CoNLL-U: the words, their tags, heads and relations (the other columns `_`).
    static func conllu(words: [String], tree: DependencyTree, universalTags: [String]?, tags: [String]? = nil) -> String {
        words.indices.map { i in
            let head = tree.heads[i].map { $0 + 1 } ?? 0
            return "\(i + 1)\t\(words[i])\t_\t\(universalTags?[i] ?? "_")\t\(tags?[i] ?? "_")\t_\t\(head)\t\(tree.relations[i])\t_\t_"
        }.joined(separator: "\n") + "\n"
    }
}

struct TrainParse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Train the dependency parser on Universal Dependencies treebanks (CoNLL-U).",
        discussion: """
            An arc-hybrid parser, an averaged perceptron reading the part-of-speech tags of Dossier's own \
            tagger: greedy, trained with a dynamic oracle, or with --beam N a beam of N move sequences, trained on \
            whole sequences (max-violation updates). The number of epochs is chosen on --dev. Several \
            --train files are read together; --skip-documents leaves out the documents whose id starts with \
            any of the given prefixes (GUM's non-commercial genres). Never train on the test file.

              dossier train parse --train ../shared/data/ud/en_gum-ud-train.conllu \\
                  --train ../shared/data/ud/en_ewt-ud-dev.conllu --skip-documents GUM_whow_,GUM_fiction_ \\
                  --dev ../shared/data/ud/en_gum-ud-dev.conllu --out Sources/DossierCore/Resources/en/parse/english.dpar \\
                  --test ../shared/data/ud/en_ewt-ud-test.conllu
            """
    )

    @Option(help: "A training treebank (CoNLL-U); may be repeated.")
    var train: [String]

    @Option(help: "The development treebank, to choose the epochs.")
    var dev: String

    @Option(help: "Where to write the model.")
    var out: String

    @Option(help: "Comma-separated prefixes of document ids to leave out of training and development.")
    var skipDocuments = ""

    @Option(help: "The most passes over the training sentences.")
    var epochs = 15

    @Option(help: "Features seen fewer times in the first pass get no weight.")
    var minCount = 2

    @Option(help: "Weights of this magnitude or less are left out of the model (a smaller model parses faster).")
    var minWeight: Float = 0

    @Flag(help: "After choosing the epochs on --dev, train again on --train and --dev together.")
    var refit = false

    @Option(help: "Learn from whole move sequences in a beam of this width, and parse with it (1: greedy, per move).")
    var beam = 1

    @Option(help: "A treebank to score the trained model on, after training.")
    var test: String?

    @Option(
        help: """
            The part-of-speech tagger's training file (CoNLL-2003 columns), to jackknife the tags the parser learns \
            from: its sentences that are also parser training sentences are split in --pos-folds folds, and each \
            fold is tagged by a tagger trained without it.
            """)
    var posTrain: String?

    @Option(help: "Folds for jackknifing the training tags (with --pos-train).")
    var posFolds = 4

    @Option(help: "With --pos-train: the tagger's development file, to choose its epochs.")
    var posDev: String?

    func validate() throws {
        if train.isEmpty { throw ValidationError("give at least one --train file") }
        if epochs < 1 { throw ValidationError("--epochs must be at least 1") }
        if !(1...64).contains(beam) { throw ValidationError("--beam must be 1 to 64") }
        if minCount < 1 { throw ValidationError("--min-count must be at least 1") }
        if !(minWeight >= 0) { throw ValidationError("--min-weight must be 0 or more") }
    }

    func run() throws {
        let skipped = skipDocuments.split(separator: ",").map(String.init)
        func kept(_ sentence: TreebankSentence) -> Bool {
            !skipped.contains { prefix in sentence.document?.hasPrefix(prefix) == true }
        }
        let trainSet = try train.flatMap { try TreebankSentence.read($0) }.filter(kept)
        let devSet = try TreebankSentence.read(dev).filter(kept)
        var trainer = ParserTrainer()
        trainer.maximumEpochs = epochs
        trainer.minimumFeatureCount = minCount
        trainer.minimumWeight = minWeight
        trainer.refitOnDev = refit
        trainer.beamWidth = beam
        let notes = [
            "trained on: " + train.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", ")
                + (skipped.isEmpty ? "" : " (documents starting \(skipped.joined(separator: ", ")) left out)"),
            "dev: \(URL(fileURLWithPath: dev).lastPathComponent)",
        ].joined(separator: "\n")
        let start = DispatchTime.now()
        let tags = try posTrain.map { try jackknifedTags(trainSet, posTrain: $0) }
        let (parser, _) = trainer.train(
            trainSet, dev: devSet, tagger: .english, trainingTags: tags,
            notes: notes + (tags == nil ? "" : "\ntraining tags jackknifed in \(posFolds) folds")
        ) { NER.note($0) }
        NER.note(String(format: "trained in %.0f s", NER.seconds(since: start)))
        let data = parser.modelData
        try Data(data).write(to: URL(fileURLWithPath: out))
        NER.note("model written to \(out): \(data.count) bytes")
        if let test { print("\(test): \(parser.evaluate(try TreebankSentence.read(test)))") }
    }
}

extension TrainParse {
    /// Each training sentence's tags from a tagger that never saw it (see ``ParserTrainer/jackknifedTags``).
    func jackknifedTags(_ sentences: [TreebankSentence], posTrain: String) throws -> [[UInt8]] {
        guard let posDev else { throw ValidationError("--pos-train needs --pos-dev, to choose the tagger's epochs") }
        return try ParserTrainer.jackknifedTags(
            sentences, taggerTraining: SyntaxSentence.conll(try String(contentsOfFile: posTrain, encoding: .utf8)),
            taggerDev: SyntaxSentence.conll(try String(contentsOfFile: posDev, encoding: .utf8)), folds: max(posFolds, 2),
            tagger: .english, log: { NER.note($0) })
    }
}

extension TreebankSentence {
    /// The sentences of a CoNLL-U file, with errors that name it.
    static func read(_ path: String) throws -> [TreebankSentence] {
        guard FileManager.default.fileExists(atPath: path) else { throw ValidationError("\(path): no such file") }
        do {
            return try TreebankSentence.conllu(try String(contentsOfFile: path, encoding: .utf8))
        } catch let error as TreebankError {
            throw ValidationError("\(path): \(error)")
        }
    }
}

extension DependencyParser {
    /// Reads a model file made by `dossier train parse`.
    init(contentsOf path: String) throws {
        do {
            self = try DependencyParser(modelData: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), tagger: .english)
        } catch let error as SyntaxModelError {
            throw ValidationError("\(path): \(error)")
        }
    }
}
