import ArgumentParser
import DossierCore
import Foundation

struct TrainSyntax: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pos",
        abstract: "Train the part-of-speech tagger and chunker on CoNLL-2003 column files, or score one.",
        discussion: """
            Two greedy averaged perceptrons: Penn Treebank tags from the second column, then IOB2 chunk tags \
            (B-NP, I-VP, ...) from the third, read with the predicted tags around each word. Each one's number \
            of epochs is chosen on --dev; --refit then trains again on --train and --dev together. Never choose \
            settings on the test set.

              dossier train pos --train ../shared/data/conll2003/train.txt --dev ../shared/data/conll2003/dev.txt \\
                  --refit --out Sources/DossierCore/Resources/en/syntax/english.dsyn --test ../shared/data/conll2003/test.txt
              dossier train pos --evaluate ../shared/data/conll2003/test.txt
              dossier train pos --model english.dsyn --min-weight 1 --out pruned.dsyn

            With --min-weight, part-of-speech weights of that magnitude or less are left out of the model written \
            (of a model trained, or of --model rewritten): a smaller model that tags faster. A parser reads the \
            tagger's tags: retrain it after pruning.
            """
    )

    @Option(help: "The training file (CoNLL-2003 columns: word, POS, chunk, NER).")
    var train: String?

    @Option(help: "The development file, to choose the epochs.")
    var dev: String?

    @Option(help: "Where to write the model.")
    var out: String?

    @Option(help: "The most passes over the training data for each perceptron.")
    var epochs = 12

    @Option(help: "Features seen fewer times in the training data get no weight.")
    var minCount = 1

    @Option(help: "Word clusters from `dossier train clusters`, whose path prefixes become features (kept in the model).")
    var clusters: String?

    @Option(help: "Folds for jackknifing the chunker's POS input (below 2: gold tags).")
    var folds = 0

    @Flag(help: "After choosing the epochs on --dev, train again on --train and --dev together.")
    var refit = false

    @Option(help: "A file to score the trained model on, and to time it on.")
    var test: String?

    @Option(help: "Score a model on this file without training (the shipped model unless --model).")
    var evaluate: String?

    @Option(help: "The model --evaluate scores, or that --min-weight prunes (written to --out).")
    var model: String?

    @Option(help: "Leave out the part-of-speech weights of this magnitude or less.")
    var minWeight: Float = 0

    @Option(help: "Also list this many of the commonest POS confusions (gold → tagged) on the scored file.")
    var confusions = 0

    func validate() throws {
        if !(minWeight >= 0) { throw ValidationError("--min-weight must be 0 or more") }
        if evaluate == nil, train == nil, model != nil, out != nil { return }
        if evaluate == nil, train == nil || dev == nil || out == nil {
            throw ValidationError(
                "give --train, --dev and --out to train, --evaluate FILE to score a model, or --model, --min-weight and --out to prune one")
        }
        if epochs < 1 { throw ValidationError("--epochs must be at least 1") }
        if minCount < 1 { throw ValidationError("--min-count must be at least 1") }
    }

    func run() throws {
        if let evaluate {
            let start = DispatchTime.now()
            let tagger =
                try model.map { try SyntaxTagger(modelData: [UInt8](Data(contentsOf: URL(fileURLWithPath: $0)))) }
                ?? SyntaxTagger.english
            NER.note(String(format: "model loaded in %.1f ms", NER.seconds(since: start) * 1000))
            try score(tagger, on: evaluate)
            return
        }
        if train == nil, let model, let out {
            let tagger = try SyntaxTagger(modelData: [UInt8](Data(contentsOf: URL(fileURLWithPath: model))))
            let data = tagger.pruned(minimumWeight: minWeight).modelData
            try Data(data).write(to: URL(fileURLWithPath: out))
            NER.note("wrote \(out) (\(data.count) bytes)")
            return
        }
        guard let train, let dev, let out else { return }
        var trainer = SyntaxTrainer()
        trainer.maximumEpochs = epochs
        trainer.minimumFeatureCount = minCount
        trainer.folds = folds
        trainer.refitOnDev = refit
        if let clusters { trainer.clusters = try WordClusters(text: String(contentsOfFile: clusters, encoding: .utf8)) }
        let start = DispatchTime.now()
        let (tagger, _) = trainer.train(
            SyntaxSentence.conll(try String(contentsOfFile: train, encoding: .utf8)),
            dev: SyntaxSentence.conll(try String(contentsOfFile: dev, encoding: .utf8)),
            notes: "CoNLL-2003 English; train: \(Self.name(train)), dev: \(Self.name(dev))", log: NER.note)
        let data = (minWeight > 0 ? tagger.pruned(minimumWeight: minWeight) : tagger).modelData
        try Data(data).write(to: URL(fileURLWithPath: out))
        NER.note(String(format: "trained in %.0f s; wrote %@ (%d bytes)", NER.seconds(since: start), out, data.count))
        if let test {
            let loadStart = DispatchTime.now()
            let loaded = try SyntaxTagger(modelData: data)
            NER.note(String(format: "model loaded in %.1f ms", NER.seconds(since: loadStart) * 1000))
            try score(loaded, on: test)
        }
    }

    /// Prints the scores on a file and the tagging speed on one core.
    private func score(_ tagger: SyntaxTagger, on file: String) throws {
        let sentences = SyntaxSentence.conll(try String(contentsOfFile: file, encoding: .utf8))
        print("\(Self.name(file)): \(tagger.evaluate(sentences))")
        if confusions > 0 {
            var counts: [String: Int] = [:]
            for sentence in sentences {
                for (gold, tagged) in zip(sentence.pos, tagger.tag(sentence.words).pos) where gold != tagged.tag {
                    counts["\(gold) → \(tagged.tag)", default: 0] += 1
                }
            }
            for (confusion, count) in counts.sorted(by: { $0.value > $1.value }).prefix(confusions) {
                print("  \(count)\t\(confusion)")
            }
        }
        let words = sentences.map { $0.words.map { $0[...] } }
        let tokens = words.reduce(0) { $0 + $1.count }
        for (label, tag) in [
            ("POS alone", { (w: [Substring]) in _ = tagger.partsOfSpeech(w) }),
            ("POS and chunks", { (w: [Substring]) in _ = tagger.tag(w) }),
        ] {
            var best = Double.infinity
            for _ in 0..<5 {
                let start = Self.threadSeconds()
                for sentence in words { tag(sentence) }
                best = min(best, Self.threadSeconds() - start)
            }
            print(
                String(
                    format: "%@: %.2f M tokens per CPU second, one thread (best of 5 runs over %d tokens)", label,
                    Double(tokens) / best / 1e6, tokens))
        }
    }

    /// The CPU time this thread has used: on a shared machine, a fairer clock than the wall's.
    private static func threadSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private static func name(_ path: String) -> String { (path as NSString).lastPathComponent }
}
