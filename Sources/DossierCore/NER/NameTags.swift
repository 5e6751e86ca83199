/// The kinds of name the recogniser finds: the four CoNLL-2003 classes.
public enum NameType: Int, Sendable, CaseIterable, CustomStringConvertible {
    case person, organisation, location, miscellaneous

    /// The CoNLL label: PER, ORG, LOC or MISC.
    public var description: String { Self.labels[rawValue] }

    /// Reads a CoNLL label (PER, ORG, LOC, MISC).
    public init?(label: Substring) {
        guard let index = Self.labels.firstIndex(where: { $0 == label }) else { return nil }
        self.init(rawValue: index)
    }

    private static let labels = ["PER", "ORG", "LOC", "MISC"]
}

/// The IOB2 tags the recogniser assigns, by index: 0 is O; 1 + 2·type is B-type, 2 + 2·type is I-type.
public enum NameTag {
    /// The tags' labels, by index.
    public static let labels = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]
    /// How many tags there are: as many as ``labels``, written as a number so that the compiler can plan the
    /// recogniser's loops around it.
    public static let count = 9

    /// The index of a label, or nil when it is not one of ``labels``.
    public static func index(of label: Substring) -> Int? {
        labels.firstIndex { $0 == label }
    }

    /// Whether tag `next` may follow tag `previous` (nil: the sentence's start): I-X only continues B-X or I-X.
    public static func allowed(after previous: Int?, _ next: Int) -> Bool {
        guard next > 0, next % 2 == 0 else { return true }
        guard let previous else { return false }
        return previous == next || previous == next - 1
    }
}

/// A name in a sentence: the words `start..<end` and its type.
public struct NameSpan: Hashable, Sendable, CustomStringConvertible {
    public var start: Int
    public var end: Int
    public var type: NameType

    public init(start: Int, end: Int, type: NameType) {
        self.start = start
        self.end = end
        self.type = type
    }

    public var description: String { "\(type)[\(start)..<\(end)]" }

    /// The names an IOB tag sequence marks, read as conlleval reads them (IOB1 or IOB2):
    /// a name starts at B-X, or at I-X after anything but X, and runs while I-X follows.
    public static func spans<Tags: Collection>(_ tags: Tags) -> [NameSpan] where Tags.Element: StringProtocol {
        var spans: [NameSpan] = []
        var open: (start: Int, type: NameType)?
        for (index, tag) in tags.enumerated() {
            let prefix = tag.first
            let type = tag.count > 2 ? NameType(label: Substring(tag.dropFirst(2))) : nil
            let continues = prefix == "I" && type != nil && open?.type == type
            if let current = open, !continues {
                spans.append(NameSpan(start: current.start, end: index, type: current.type))
                open = nil
            }
            if !continues, let type, prefix == "B" || prefix == "I" {
                open = (index, type)
            }
        }
        if let current = open {
            spans.append(NameSpan(start: current.start, end: tags.count, type: current.type))
        }
        return spans
    }
}

/// Exact-span precision, recall and F1 as conlleval counts them: a name is right when its words and type both match.
public struct NameScore: Sendable, CustomStringConvertible {
    /// Names in the gold tags, in the predicted tags, and in both, by type (``NameType/rawValue``).
    public private(set) var gold = [Int](repeating: 0, count: NameType.allCases.count)
    public private(set) var predicted = [Int](repeating: 0, count: NameType.allCases.count)
    public private(set) var correct = [Int](repeating: 0, count: NameType.allCases.count)

    public init() {}

    /// Adds one sentence's gold and predicted tags.
    public mutating func add<Tags: Collection>(gold goldTags: Tags, predicted predictedTags: Tags) where Tags.Element: StringProtocol {
        let goldSpans = NameSpan.spans(goldTags)
        let predictedSpans = NameSpan.spans(predictedTags)
        for span in goldSpans { gold[span.type.rawValue] += 1 }
        for span in predictedSpans { predicted[span.type.rawValue] += 1 }
        let goldSet = Set(goldSpans)
        for span in predictedSpans where goldSet.contains(span) { correct[span.type.rawValue] += 1 }
    }

    /// Precision, recall and F1 (0...1) of one type, or of all types when `type` is nil.
    public func measures(_ type: NameType? = nil) -> (precision: Double, recall: Double, f1: Double) {
        let pick = { (counts: [Int]) in Double(type.map { counts[$0.rawValue] } ?? counts.reduce(0, +)) }
        let precision = pick(predicted) > 0 ? pick(correct) / pick(predicted) : 0
        let recall = pick(gold) > 0 ? pick(correct) / pick(gold) : 0
        let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        return (precision, recall, f1)
    }

    /// F1 over all types, 0...100.
    public var f1: Double { measures().f1 * 100 }

    /// One line for all names and one per type, in percent.
    public var description: String {
        let rows: [(String, NameType?)] = [("all", nil)] + NameType.allCases.map { ($0.description, $0) }
        return rows.map { label, type in
            let m = measures(type)
            let count = type.map { gold[$0.rawValue] } ?? gold.reduce(0, +)
            return
                "\(label.padding(toLength: 5, withPad: " ", startingAt: 0)) P \(percent(m.precision))  R \(percent(m.recall))  F1 \(percent(m.f1))  (\(count) gold)"
        }.joined(separator: "\n")
    }

    private func percent(_ value: Double) -> String {
        let tenths = Int((value * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
