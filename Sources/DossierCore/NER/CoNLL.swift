/// A sentence of a CoNLL-2003 column file: its lines, words and (when the file has them) gold tags.
public struct CoNLLSentence: Sendable {
    /// The sentence's lines as the file has them ("EU NNP B-NP B-ORG").
    public var lines: [Substring]
    /// The first column.
    public var words: [String]
    /// The last column, when every line has a tag there (O, B-X, I-X).
    public var tags: [String]?
}

/// A document of a CoNLL-2003 file: the sentences after one `-DOCSTART-` line.
public struct CoNLLDocument: Sendable {
    /// The `-DOCSTART-` line, or nil for sentences before the first one.
    public var header: Substring?
    public var sentences: [CoNLLSentence]
}

/// Reads and writes CoNLL-2003 column files: one "WORD POS CHUNK NER" line a token,
/// blank lines between sentences, `-DOCSTART-` lines between documents.
public enum CoNLL {
    /// The documents of a column file's text.
    public static func documents(_ text: String) -> [CoNLLDocument] {
        var documents: [CoNLLDocument] = []
        var current = CoNLLDocument(header: nil, sentences: [])
        var lines: [Substring] = []
        func endSentence() {
            guard !lines.isEmpty else { return }
            let columns = lines.map { $0.split(separator: " ", omittingEmptySubsequences: true) }
            let tags = columns.map { $0.count > 1 ? $0.last! : "" }
            let tagged = tags.allSatisfy { $0 == "O" || (($0.hasPrefix("B-") || $0.hasPrefix("I-")) && $0.count > 2) }
            current.sentences.append(
                CoNLLSentence(lines: lines, words: columns.map { String($0[0]) }, tags: tagged ? tags.map(String.init) : nil))
            lines = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.last == "\r" ? line.dropLast() : line
            if trimmed.hasPrefix("-DOCSTART-") {
                endSentence()
                if current.header != nil || !current.sentences.isEmpty { documents.append(current) }
                current = CoNLLDocument(header: trimmed, sentences: [])
            } else if trimmed.allSatisfy({ $0 == " " || $0 == "\t" }) {
                endSentence()
            } else {
                lines.append(trimmed)
            }
        }
        endSentence()
        if current.header != nil || !current.sentences.isEmpty { documents.append(current) }
        return documents
    }

    /// The file's text again with one more column: `predicted`, one tag per word, per sentence, per document.
    public static func text(_ documents: [CoNLLDocument], predicted: [[[String]]]) -> String {
        var out = ""
        for (document, tags) in zip(documents, predicted) {
            if let header = document.header { out += "\(header) O\n\n" }
            for (sentence, sentenceTags) in zip(document.sentences, tags) {
                for (line, tag) in zip(sentence.lines, sentenceTags) {
                    out += line
                    out += " "
                    out += tag
                    out += "\n"
                }
                out += "\n"
            }
        }
        return out
    }
}
