/// One step of analysis: reads the layers it requires and adds the layers it assigns.
///
/// Stages are small immutable values, so one pipeline serves every core. A stage declares every layer it reads, not
/// only the one the stage before it adds, so that ``Pipeline/init(_:given:)`` can refuse an order that would run it
/// too early. A stage written outside `DossierCore` looks the same, and may add a layer of its own (see ``LayerKey``
/// and the article <doc:AddingAStage>):
///
/// ```swift
/// struct CountWords: Stage {
///     let name = "count-words"
///     let requires: Set<Layer> = [.tokens]
///     let assigns: Set<Layer> = []
///     func run(_ document: inout Document) throws { print(document.tokens.count) }
/// }
/// ```
public protocol Stage: Sendable {
    /// A short name for messages and `explain`.
    var name: String { get }
    /// Layers the stage reads, which must exist before it runs. ``Layer/text`` is every document's from the start.
    var requires: Set<Layer> { get }
    /// Layers the stage adds.
    var assigns: Set<Layer> { get }
    func run(_ document: inout Document) throws
}

/// An ordered list of stages, checked when it is built so that a misordered
/// pipeline fails at once, not halfway through a corpus.
public struct Pipeline: Sendable {
    public let stages: [any Stage]
    /// The layers the stages read from the document they are given: required by a stage and assigned by no stage
    /// before it. ``run(_:budget:)`` refuses a document that lacks one.
    public let inputs: Set<Layer>

    /// Builds a pipeline, checking that each stage's requirements are met by earlier stages or by `given`: the layers
    /// the documents it runs will hold already (by default, only the text).
    ///
    /// ```swift
    /// // A stage of one's own over documents the shipped pipeline has read:
    /// let counting = try Pipeline([QuoteCounter()], given: [.entities, .quotes])
    /// ```
    public init(_ stages: [any Stage], given: Set<Layer> = [.text]) throws {
        var available = given
        var assigned = Set<Layer>()
        var inputs = Set<Layer>()
        for stage in stages {
            let missing = stage.requires.subtracting(available)
            if !missing.isEmpty {
                throw PipelineError.missingLayers(stage: stage.name, missing: missing.map(\.rawValue).sorted())
            }
            inputs.formUnion(stage.requires.subtracting(assigned))
            available.formUnion(stage.assigns)
            assigned.formUnion(stage.assigns)
        }
        self.stages = stages
        self.inputs = inputs
    }

    /// Runs every stage in order on one document, and records what each assigns in ``Document/assigned``. A document
    /// that lacks one of the pipeline's ``inputs`` is refused before any stage runs
    /// (``PipelineError/documentLacks(stage:missing:)``). With a `budget`, a document that has used it up when a stage
    /// ends goes no further: ``PipelineError/timedOut(stage:seconds:)`` names the stage and the time spent, so that one
    /// report a run cannot finish in time does not hold up the others. (A stage in progress is not interrupted: each
    /// runs in time linear in its input.)
    ///
    ///     try pipeline.run(&document, budget: .seconds(30))
    public func run(_ document: inout Document, budget: Duration? = nil) throws {
        if !inputs.isSubset(of: document.assigned) {
            let lacking = inputs.subtracting(document.assigned)
            let stage = stages.first { !$0.requires.isDisjoint(with: lacking) }
            throw PipelineError.documentLacks(
                stage: stage?.name ?? "", missing: (stage?.requires ?? []).intersection(lacking).map(\.rawValue).sorted())
        }
        let clock = ContinuousClock()
        let started = clock.now
        for (index, stage) in stages.enumerated() {
            try stage.run(&document)
            document.assigned.formUnion(stage.assigns)
            if let budget, index + 1 < stages.count {
                let spent = clock.now - started
                if spent > budget { throw PipelineError.timedOut(stage: stage.name, seconds: spent.seconds) }
            }
        }
    }

    /// The stages that find the article: paragraphs and page furniture (title, captions, credits, body).
    public static func article(_ data: LanguageData = .english) -> [any Stage] {
        [ParagraphSplitter(), FurnitureStage(rules: data.furniture)]
    }

    /// The stages that read the text: the article's, then tokens, sentences and times.
    public static func reading(_ data: LanguageData = .english) -> [any Stage] {
        article(data) + [
            Tokenizer(abbreviations: data.abbreviations),
            SentenceSplitter(data: data.sentenceData),
            TimeTagger(lexicon: data.time),
        ]
    }

    /// The pipeline `dossier extract` runs, with the shipped language data and knowledge base: the reading
    /// stages, then mentions, entities, quotes, events and claims.
    public static func standard(
        _ data: LanguageData = .english, knowledge: KnowledgeBase = .english, names: any NameTagger = NameRecognizer.english,
        parser: DependencyParser = .english, eventTypes: EventTypeClassifier? = .english
    ) -> Pipeline {
        // The standard stages are ordered by construction; the check cannot fail.
        try! Pipeline(
            reading(data) + [
                MentionFinder(knowledge: knowledge, recognizer: names, words: data.entityWords),
                EntityResolver(knowledge: knowledge, words: data.entityWords),
                QuoteFinder(words: data.speech),
                EventCoder(
                    patterns: data.eventPatterns, cameo: data.cameo, words: data.eventWords, parser: parser, classifier: eventTypes,
                    agents: data.agents),
            ])
    }
}

/// A pipeline that cannot run as built.
public enum PipelineError: Error, CustomStringConvertible, Equatable {
    /// A stage requires layers that no stage before it assigns.
    case missingLayers(stage: String, missing: [String])
    /// A document given to the pipeline lacks layers a stage requires and no stage before it assigns.
    case documentLacks(stage: String, missing: [String])
    /// A document ran past its time budget; `stage` was the last to finish.
    case timedOut(stage: String, seconds: Double)

    public var description: String {
        switch self {
        case .missingLayers(let stage, let missing):
            "stage '\(stage)' needs \(missing.joined(separator: ", ")), which no earlier stage assigns"
        case .documentLacks(let stage, let missing):
            "stage '\(stage)' needs \(missing.joined(separator: ", ")), which the document lacks: run the stages that assign them first"
        case .timedOut(let stage, let seconds):
            "ran past its time budget: \(seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : "\((seconds * 10).rounded() / 10) s") when stage '\(stage)' ended (--doc-timeout)"
        }
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
