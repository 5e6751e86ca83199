/// Something that tags names in sentences with IOB tags (`B-PER`, `I-ORG`, `O` ...), a document at a time.
public protocol NameTagger: Sendable {
    /// One tag per word of each sentence.
    func tag(sentences: [[String]]) -> [[String]]
}

/// A tagger that finds no names: mentions then come from the knowledge base and title patterns alone.
public struct NoNames: NameTagger {
    public init() {}
    public func tag(sentences: [[String]]) -> [[String]] { sentences.map { Array(repeating: "O", count: $0.count) } }
}
extension NameRecognizer: NameTagger {}
