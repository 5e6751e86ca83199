/// A sentence of a Universal Dependencies treebank: its words and their gold heads, relations and tags.
public struct TreebankSentence: Sendable {
    /// The document it belongs to (`# newdoc id = ...`), when the file says.
    public var document: String?
    public var words: [String]
    /// Universal part-of-speech tags ("PUNCT" marks the words the scores leave out).
    public var universalTags: [String]
    /// Each word's head, `nil` for the root.
    public var heads: [Int?]
    /// Relations as the treebank writes them, subtypes included.
    public var relations: [String]

    /// The sentences of a CoNLL-U file; multi-word token lines ("1-2") and empty nodes ("8.1") are skipped.
    /// Throws, naming the line, when a word line is malformed or a head points outside its sentence.
    public static func conllu(_ text: String) throws -> [TreebankSentence] {
        var sentences: [TreebankSentence] = []
        var document: String?
        var current = TreebankSentence(document: nil, words: [], universalTags: [], heads: [], relations: [])
        func finish(at line: Int) throws {
            guard !current.words.isEmpty else { return }
            guard current.heads.allSatisfy({ $0 == nil || $0! < current.words.count }) else {
                throw TreebankError.malformed(line: line, reason: "a head outside its sentence")
            }
            sentences.append(current)
            current = TreebankSentence(document: document, words: [], universalTags: [], heads: [], relations: [])
        }
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("# newdoc id = ") {
                document = String(line.dropFirst("# newdoc id = ".count))
                current.document = document
            }
            if line.isEmpty || line.allSatisfy(\.isWhitespace) {
                try finish(at: number + 1)
                continue
            }
            guard !line.hasPrefix("#") else { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 10 else {
                throw TreebankError.malformed(line: number + 1, reason: "\(fields.count) columns, not 10")
            }
            guard fields[0].allSatisfy(\.isNumber) else { continue }
            guard let head = Int(fields[6]), head >= 0 else {
                throw TreebankError.malformed(line: number + 1, reason: "the head '\(fields[6])' is not a number")
            }
            current.document = document
            current.words.append(String(fields[1]))
            current.universalTags.append(String(fields[3]))
            current.heads.append(head == 0 ? nil : head - 1)
            current.relations.append(String(fields[7]))
        }
        try finish(at: 0)
        return sentences
    }
}

public enum TreebankError: Error, CustomStringConvertible {
    case malformed(line: Int, reason: String)

    public var description: String {
        switch self {
        case .malformed(let line, let reason): "line \(line): \(reason)"
        }
    }
}

/// Attachment scores as the CoNLL 2018 shared task counts them: over words, punctuation (UPOS `PUNCT`) excluded;
/// the labelled score compares relations without their subtypes.
public struct AttachmentScore: Sendable, CustomStringConvertible {
    public var words = 0
    public var headsCorrect = 0
    public var labelledCorrect = 0

    public init() {}

    /// Unlabelled attachment score: the share of words with the right head.
    public var unlabelled: Double { Double(headsCorrect) / Double(max(words, 1)) }
    /// Labelled attachment score: the share with the right head and relation.
    public var labelled: Double { Double(labelledCorrect) / Double(max(words, 1)) }

    public var description: String {
        "UAS \(SyntaxScore.percent(unlabelled)) LAS \(SyntaxScore.percent(labelled)) (\(words) words, punctuation excluded)"
    }

    /// Adds one sentence's predicted tree.
    public mutating func add(gold: TreebankSentence, parsed: DependencyTree) {
        for i in gold.words.indices where gold.universalTags[i] != "PUNCT" {
            words += 1
            guard parsed.heads[i] == gold.heads[i] else { continue }
            headsCorrect += 1
            let goldBase = gold.relations[i].split(separator: ":", maxSplits: 1).first ?? ""
            if parsed.relations[i].base == goldBase { labelledCorrect += 1 }
        }
    }
}
