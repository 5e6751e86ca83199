import ArgumentParser
import DossierCore
import Foundation

struct TrainEvents: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Train the event-type classifier on coded sentences (PLV's CSV: text, label, source, target).",
        discussion: """
            Each sentence is read by the standard pipeline and parsed; every verb with an actor as its subject \
            and another as its object or oblique is a dyad. The dyad whose actors share a content word with the \
            coded source and target learns the sentence's PLOVER type (as the CAMEO code \
            Resources/en/events/plover-codes.tsv gives it), the other dyads learn "no event". The model types \
            the events of sentences the patterns leave silent.

            --folds K --fold I leaves out the rows whose index (from 0, as tools/plv_args.py numbers them) is I \
            modulo K, so that a model is scored on sentences it never saw (scripts/plv_crossval.py):

              dossier train events ../shared/data/plv/plv-train.csv \\
                  --out Sources/DossierCore/Resources/en/events/english.devt
            """
    )

    @Argument(help: "A CSV file with the columns text, label (a PLOVER type), source and target.")
    var file: String

    @Option(help: "Where to write the model.")
    var out: String

    @Option(help: "Passes over the dyads.")
    var epochs = 12

    @Option(help: "With --fold: the number of folds the rows are split into.")
    var folds = 0

    @Option(help: "The fold left out of training (0 to --folds - 1).")
    var fold = 0

    func validate() throws {
        if epochs < 1 { throw ValidationError("--epochs must be at least 1") }
        if folds < 0 || (folds > 0 && !(0..<folds).contains(fold)) { throw ValidationError("--fold must be in 0..<--folds") }
    }

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("\(file): cannot be read") }
        let rows: CSVTable
        do {
            rows = try CSVTable(String(decoding: data, as: UTF8.self))
        } catch {
            throw ValidationError("\(file): \(error)")
        }
        var codes: [String: String] = [:]
        for line in try Resource.lines("en/events", "plover-codes.tsv") {
            let fields = line.split(separator: "\t").map(String.init)
            if fields.count == 2 { codes[fields[0]] = fields[1] }
        }
        var sentences: [CodedSentence] = []
        var skipped = 0
        for (index, row) in rows.records.enumerated() where folds == 0 || index % folds != fold {
            guard let text = row["text"], let label = row["label"], let code = codes[label.uppercased()] else {
                skipped += 1
                continue
            }
            sentences.append(CodedSentence(text: text, code: code, source: row["source"] ?? "", target: row["target"] ?? ""))
        }
        let note = "\(file): \(sentences.count) sentences" + (folds > 0 ? ", fold \(fold) of \(folds) left out" : "")
        log(note + (skipped > 0 ? " (\(skipped) rows without text or a known label skipped)" : ""))
        var trainer = EventTypeTrainer()
        trainer.epochs = epochs
        trainer.excludedVerbs = LanguageData.english.speech.verbs
        let model = try trainer.train(
            sentences, pipeline: Pipeline.standard(eventTypes: nil),
            coder: EventCoder(
                patterns: LanguageData.english.eventPatterns, cameo: LanguageData.english.cameo, words: LanguageData.english.eventWords,
                parser: .english, agents: LanguageData.english.agents),
            notes: "Trained by `dossier train events` on \(note), \(epochs) epochs.", progress: log)
        try Data(model.modelData).write(to: URL(fileURLWithPath: out))
        log("wrote \(out)")
    }

    private func log(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }
}
