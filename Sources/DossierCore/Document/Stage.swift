/// A kind of annotation a ``Stage`` can add to a ``Document``.
public enum Layer: String, Sendable, Hashable, CaseIterable {
    case text, paragraphs, furniture, tokens, sentences, times, mentions, entities, quotes, events, claims
}

/// One step of analysis: reads the layers it requires and adds the layers it assigns.
///
/// Stages are small immutable values, so one pipeline serves every core:
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
    /// Layers that must exist before the stage runs.
    var requires: Set<Layer> { get }
    /// Layers the stage adds.
    var assigns: Set<Layer> { get }
    func run(_ document: inout Document) throws
}

/// An ordered list of stages, checked when it is built so that a misordered
/// pipeline fails at once, not halfway through a corpus.
public struct Pipeline: Sendable {
    public let stages: [any Stage]

    /// Builds a pipeline, checking that each stage's requirements are met by earlier stages.
    public init(_ stages: [any Stage]) throws {
        var available: Set<Layer> = [.text]
        for stage in stages {
            let missing = stage.requires.subtracting(available)
            if !missing.isEmpty {
                throw PipelineError.missingLayers(stage: stage.name, missing: missing.map(\.rawValue).sorted())
            }
            available.formUnion(stage.assigns)
        }
        self.stages = stages
    }

    /// Runs every stage in order on one document.
    public func run(_ document: inout Document) throws {
        for stage in stages {
            try stage.run(&document)
            document.assigned.formUnion(stage.assigns)
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
                    patterns: data.eventPatterns, cameo: data.cameo, words: data.eventWords, parser: parser, classifier: eventTypes),
            ])
    }
}

/// A pipeline that cannot run as built.
public enum PipelineError: Error, CustomStringConvertible, Equatable {
    case missingLayers(stage: String, missing: [String])

    public var description: String {
        switch self {
        case .missingLayers(let stage, let missing):
            "stage '\(stage)' needs \(missing.joined(separator: ", ")), which no earlier stage assigns"
        }
    }
}
