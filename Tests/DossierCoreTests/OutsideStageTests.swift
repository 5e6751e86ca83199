// Not @testable: the stages below use only what DossierCore makes public, as a stage in another package would.
import DossierCore
import Testing

// The worked example of the article "Adding a stage" (DossierCore.docc/AddingAStage.md).

extension Layer {
    /// Each speaker's number of quotes (``QuoteCounter``).
    static let quoteCounts = Layer("quote-counts")
}

/// Where ``QuoteCounter`` keeps what it finds in a document.
enum QuoteCounts: LayerKey {
    static let layer = Layer.quoteCounts
    typealias Value = [String: Int]
}

/// Counts the quotes of each speaker, by the speaker's name.
struct QuoteCounter: Stage {
    let name = "quote-counts"
    let requires: Set<Layer> = [.entities, .quotes]
    let assigns: Set<Layer> = [.quoteCounts]

    func run(_ document: inout Document) throws {
        var counts: [String: Int] = [:]
        for quote in document.quotes {
            guard let speaker = quote.speaker else { continue }
            counts[document.entities[speaker].name, default: 0] += 1
        }
        document[QuoteCounts.self] = counts
    }
}

/// Direct quotes without speakers: a stage that stands in for the shipped ``QuoteFinder``, building the layer's values.
struct SpeakerlessQuotes: Stage {
    let name = "speakerless-quotes"
    let requires: Set<Layer> = [.furniture]
    let assigns: Set<Layer> = [.quotes]

    func run(_ document: inout Document) throws {
        document.quotes = document.quotations().map { Quote(span: $0, direct: true) }
    }
}

@Suite struct OutsideStageTests {
    let report = """
        Russian Defence Minister Sergei Shoigu arrived in Pyongyang on Wednesday.

        "We are ready to deepen our cooperation," Shoigu said.

        Kim Jong Un said the talks were useful.
        """

    /// The shipped pipeline's stages with `stage` inserted after the stage that assigns `layer`.
    func standard(inserting stage: any Stage, after layer: Layer) throws -> [any Stage] {
        var stages = Pipeline.standard().stages
        let index = try #require(stages.firstIndex { $0.assigns.contains(layer) })
        stages.insert(stage, at: index + 1)
        return stages
    }

    @Test func aStageFromOutsideAddsItsLayerToTheShippedPipeline() throws {
        let pipeline = try Pipeline(try standard(inserting: QuoteCounter(), after: .quotes))
        var document = Document(text: report, source: "test")
        #expect(document[QuoteCounts.self] == nil)
        try pipeline.run(&document)
        #expect(document[QuoteCounts.self] == ["Sergei Shoigu": 1, "Kim Jong Un": 1])
        #expect(document.assigned.isSuperset(of: [.quotes, .quoteCounts, .events]))
        #expect(!document.events.isEmpty)
    }

    @Test func aStageBeforeTheLayersItReadsIsRefusedWhenThePipelineIsBuilt() throws {
        let misordered = try standard(inserting: QuoteCounter(), after: .entities)
        let error = #expect(throws: PipelineError.self) { try Pipeline(misordered) }
        #expect(error == .missingLayers(stage: "quote-counts", missing: ["quotes"]))
        #expect(error?.description == "stage 'quote-counts' needs quotes, which no earlier stage assigns")
    }

    @Test func aStageDeclaresEveryLayerItReads() {
        // The event coder reads mentions, entities and quotes, not only what the stage before it assigns.
        #expect(throws: PipelineError.missingLayers(stage: "events", missing: ["entities", "mentions", "quotes"])) {
            try Pipeline(Pipeline.reading() + [Pipeline.standard().stages.last!])
        }
    }

    @Test func aStageFromOutsideMayStandInForAShippedOne() throws {
        var stages = Pipeline.standard().stages
        let index = try #require(stages.firstIndex { $0.assigns.contains(.quotes) })
        stages[index] = SpeakerlessQuotes()
        var document = Document(text: report, source: "test")
        try Pipeline(stages).run(&document)
        #expect(document.quotes.map { document.string($0.span) } == ["We are ready to deepen our cooperation,"])
        #expect(document.quotes.allSatisfy { $0.speaker == nil })
    }

    @Test func aPipelineMayStartFromLayersAnotherHasRead() throws {
        let counting = try Pipeline([QuoteCounter()], given: [.text, .entities, .quotes])
        var document = Document(text: report, source: "test")
        #expect(throws: PipelineError.documentLacks(stage: "quote-counts", missing: ["entities", "quotes"])) {
            try counting.run(&document)
        }
        try Pipeline.standard().run(&document)
        try counting.run(&document)
        #expect(document[QuoteCounts.self]?["Sergei Shoigu"] == 1)
    }
}
