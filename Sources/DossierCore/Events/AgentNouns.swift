/// Nouns that name an actor by what it is ("police", "protesters", "rebel fighters"), with the agent's sector code,
/// from `agents.tsv` (PETRARCH2's Phoenix agent dictionary).
///
///     let agents = LanguageData.english.agents
///     agents.longestMatch(["riot", "police", "fired"], at: 0)   // (words: 2, sector: "COP")
public struct AgentNouns: Sendable {
    /// Each phrase's words, under its first word.
    let phrases: [String: [(words: [String], sector: String)]]

    init(lines: [Substring]) throws {
        var phrases: [String: [(words: [String], sector: String)]] = [:]
        for line in lines {
            let fields = line.split(separator: "\t")
            guard fields.count == 2 else { throw ResourceError.malformed(file: "agents.tsv", line: String(line)) }
            let words = fields[0].split(separator: " ").map(String.init)
            phrases[words[0], default: []].append((words, String(fields[1])))
        }
        // Longest phrase first.
        self.phrases = phrases.mapValues { $0.sorted { $0.words.count > $1.words.count } }
    }

    /// The longest agent phrase that starts at `start` in lowercased `words`: how many words it takes and its sector.
    public func longestMatch(_ words: [String], at start: Int) -> (words: Int, sector: String)? {
        guard let candidates = phrases[words[start]] else { return nil }
        for candidate in candidates where start + candidate.words.count <= words.count {
            if zip(candidate.words, words[start...]).allSatisfy({ $0 == $1 }) { return (candidate.words.count, candidate.sector) }
        }
        return nil
    }
}
