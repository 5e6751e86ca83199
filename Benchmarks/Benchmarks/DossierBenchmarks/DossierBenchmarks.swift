import Benchmark
import DossierCore
import Foundation

// Single-core throughput of DossierCore's stages on the bulk news corpus.
//
//     cd Benchmarks && swift package benchmark
//     DOSSIER_BULK=/path/to/file.jsonl swift package benchmark
//
// Each iteration is one pass over the whole corpus. MB/s counts the UTF-8 bytes
// of the articles' text (1 MB = 10^6 bytes); tokens/s counts tokens made.

/// The corpus file: `DOSSIER_BULK`, else `../shared/data/news/bulk-30mb.jsonl` beside the repository.
let bulkPath =
    ProcessInfo.processInfo.environment["DOSSIER_BULK"]
    ?? URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("shared/data/news/bulk-30mb.jsonl").path

let megabytesPerSecond = BenchmarkMetric.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false)
let tokensPerSecond = BenchmarkMetric.custom("tokens/s", polarity: .prefersLarger, useScalingFactor: false)

/// The corpus and its documents at each stage, each built once on first use.
enum Corpus {
    /// The non-blank lines of the file.
    static let lines: [Data] = {
        let data = FileManager.default.contents(atPath: bulkPath) ?? Data()
        return data.split(separator: 0x0A).filter { !$0.isEmpty }
    }()
    static let articles: [RawArticle] = lines.compactMap { try? Intake().record(Data($0), source: "bulk") }
    /// Bytes of article text in the corpus.
    static let textBytes = articles.reduce(0) { $0 + $1.text.utf8.count }
    static let documents: [Document] = articles.map { $0.document() }
    /// Documents with paragraphs and furniture, ready for the tokenizer.
    static let furnished: [Document] = documents.map { document in
        var document = document
        try! ParagraphSplitter().run(&document)
        try! FurnitureStage(rules: LanguageData.english.furniture).run(&document)
        return document
    }
}

/// Records `MB/s` (and `tokens/s` when given) for work that started at `start`.
func record(_ benchmark: Benchmark, since start: ContinuousClock.Instant, bytes: Int, tokens: Int? = nil) {
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    benchmark.measurement(megabytesPerSecond, Int((Double(bytes) / 1e6 / seconds).rounded()))
    if let tokens { benchmark.measurement(tokensPerSecond, Int((Double(tokens) / seconds).rounded())) }
}

let benchmarks: @Sendable () -> Void = {
    guard FileManager.default.isReadableFile(atPath: bulkPath) else {
        print("DossierBenchmarks: no corpus at \(bulkPath); set DOSSIER_BULK to a JSON Lines file. No benchmarks registered.")
        return
    }
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, megabytesPerSecond],
        timeUnits: .milliseconds,
        units: [megabytesPerSecond: .count, tokensPerSecond: .kilo],
        warmupIterations: 1,
        maxDuration: .seconds(20),
        maxIterations: 5
    )

    Benchmark("intake", configuration: .init(setup: { _ = Corpus.lines })) { benchmark in
        let intake = Intake()
        let start = ContinuousClock.now
        var bytes = 0
        for line in Corpus.lines {
            guard let article = try? intake.record(Data(line), source: "bulk") else { continue }
            let document = article.document()
            bytes += document.utf8.count
            blackHole(document)
        }
        record(benchmark, since: start, bytes: bytes)
    }

    Benchmark("furniture", configuration: .init(setup: { _ = Corpus.documents })) { benchmark in
        let paragraphs = ParagraphSplitter()
        let furniture = FurnitureStage(rules: LanguageData.english.furniture)
        let start = ContinuousClock.now
        for var document in Corpus.documents {
            try paragraphs.run(&document)
            try furniture.run(&document)
            blackHole(document)
        }
        record(benchmark, since: start, bytes: Corpus.textBytes)
    }

    Benchmark(
        "tokens+sentences",
        configuration: .init(metrics: [.wallClock, megabytesPerSecond, tokensPerSecond], setup: { _ = Corpus.furnished })
    ) { benchmark in
        let tokenizer = Tokenizer(abbreviations: LanguageData.english.abbreviations)
        let splitter = SentenceSplitter(data: LanguageData.english.sentenceData)
        let start = ContinuousClock.now
        var tokens = 0
        for var document in Corpus.furnished {
            try tokenizer.run(&document)
            try splitter.run(&document)
            tokens += document.tokens.count
            blackHole(document)
        }
        record(benchmark, since: start, bytes: Corpus.textBytes, tokens: tokens)
    }
}
