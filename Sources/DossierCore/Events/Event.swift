/// An interaction between actors that the report states, with the words that state it.
public struct Event: Sendable, Hashable {
    /// Whether the report states it as fact, plan, allegation ...
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case reported, planned, alleged, denied, negated, hypothetical
    }

    public var code: String
    public var cameo: CameoCode?
    /// Indices into ``Document/entities``.
    public var source: Int?
    public var target: Int?
    public var location: Int?
    public var date: String?
    public var status: Status
    /// Who the report says reported it ("KCNA said").
    public var attributedTo: Int?
    /// The sentence that states it.
    public var evidence: Span
    /// The word that triggered it.
    public var trigger: Span
    /// The pattern that fired.
    public var pattern: String
}

/// A contested statement and who asserts and denies it.
public struct Claim: Sendable, Hashable {
    public var span: Span
    public var assertedBy: [Int]
    public var deniedBy: [Int]
}
