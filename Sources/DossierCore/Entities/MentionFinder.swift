/// Finds the mentions of people, organisations, places, weapons and named
/// events (layer ``Layer/mentions``).
///
/// Three sources combine: the statistical name recogniser, the knowledge
/// base (longest match, aware of case and context: a capital after "in" is a
/// place, elsewhere it stands for its government), and title patterns that
/// give a person a role and a country ("Russian Defence Minister Sergei
/// Shoigu", "Lee Sung Joon, a spokesperson for South Korea's Joint Chiefs of
/// Staff"). Pronouns, "the latter", "the North" and country-qualified
/// descriptions ("Russia's defence chief") become mentions for the resolver.
public struct MentionFinder: Stage {
    public let name = "mentions"
    public let requires: Set<Layer> = [.furniture, .tokens, .sentences, .times]
    public let assigns: Set<Layer> = [.mentions]
    public let knowledge: KnowledgeBase
    public let recognizer: any NameTagger
    public let words: EntityWords
    /// The lowercased first word of every knowledge-base name, alias and nationality, with the most words a name
    /// starting with it has: a word that starts none is passed over at once.
    let nameStarts: WordMap<Int>
    /// ``EntityWords/pronouns`` and ``EntityWords/articles``, for lookups on every word.
    let pronouns: WordMap<EntityWords.Pronoun>
    let articles: WordMap<Bool>

    public init(knowledge: KnowledgeBase, recognizer: any NameTagger, words: EntityWords) {
        self.knowledge = knowledge
        self.recognizer = recognizer
        self.words = words
        var starts: [String: Int] = [:]
        func add(_ name: String) {
            let pieces = name.split(separator: " ")
            guard let first = pieces.first else { return }
            var key = first.lowercased()
            for suffix in ["'s", "'", "’s", "’"] where key.hasSuffix(suffix) && key.count > suffix.count {
                key = String(key.dropLast(suffix.count))
            }
            // Possessives and apostrophes become tokens of their own.
            let length = pieces.count + name.filter { $0 == "'" || $0 == "’" }.count
            starts[key] = max(starts[key] ?? 0, length)
        }
        for entry in knowledge.allEntries {
            add(entry.name)
            entry.aliases.forEach(add)
        }
        for country in knowledge.countries { country.demonyms.forEach(add) }
        nameStarts = WordMap(starts)
        pronouns = WordMap(words.pronouns)
        articles = WordMap(words.articles)
    }

    public func run(_ document: inout Document) throws {
        let forms = document.sentences.map { sentence in sentence.tokens.map { document.forms[$0] } }
        // Only sentences with a capitalised word past their first can hold a name the recogniser would find
        // (a name opening a sentence alone is found by the knowledge base or as part of a name said in full).
        let candidates = forms.indices.filter { index in
            forms[index].dropFirst().contains { word in word.unicodeScalars.first.map(WordCase.isUppercase) == true }
        }
        let found = recognizer.tag(sentences: candidates.map { forms[$0] })
        var tags = forms.map { Array(repeating: "O", count: $0.count) }
        for (position, index) in candidates.enumerated() { tags[index] = found[position] }
        // Tokens inside time expressions ("May" the month), in one pass: both lists are in text order.
        var timeTokens = Set<Int>()
        var next = 0
        for time in document.times {
            while next < document.tokens.count && document.tokens[next].span.start < time.span.start { next += 1 }
            var index = next
            while index < document.tokens.count && time.span.contains(document.tokens[index].span) {
                timeTokens.insert(index)
                index += 1
            }
        }
        let shared = DocumentReading(finder: self, document: document, timeTokens: timeTokens)
        let readers = document.sentences.indices.map { index in
            SentenceReader(shared, sentence: index, words: forms[index], base: document.sentences[index].tokens.lowerBound)
        }
        let names = readers.indices.map { readers[$0].names(tags: tags[$0]) }
        // Words of people's full names, so that a surname alone is a person too ("Shoigu" after "Sergei Shoigu"), each
        // with where a full name first holds it and whom the knowledge base knows that full name as.
        var personWords: [String: (sentence: Int, word: Int, entry: String?)] = [:]
        for (index, candidates) in names.enumerated() {
            for candidate in candidates where candidate.type == .person && candidate.range.count >= 2 {
                // Not an article the recogniser took in ("The Rev. Al Sharpton"): "The" alone names no one.
                for i in candidate.range where forms[index][i].count > 1 && !words.articles.contains(forms[index][i]) {
                    if personWords[forms[index][i]] == nil {
                        personWords[forms[index][i]] = (index, candidate.range.lowerBound, candidate.entry?.id)
                    }
                }
            }
        }
        // A name the knowledge base knows one person by, used alone before any full name holds it, is that person
        // throughout, unless the full name is another person the knowledge base knows: "Trump" all along, then "first
        // lady Melania Trump" is another Trump; "Clinton", then "Hillary Clinton", is she. A full name first makes the
        // surname its own ("Michael Howard", then "Howard", is no John Howard).
        for (index, candidates) in names.enumerated() {
            for candidate in candidates where candidate.range.count == 1 && candidate.entry?.category == .person {
                let word = forms[index][candidate.range.lowerBound]
                guard let full = personWords[word], (index, candidate.range.lowerBound) < (full.sentence, full.word),
                    full.entry == nil || full.entry == candidate.entry?.id,
                    knowledge.entries(named: word).filter({ $0.category == .person }).count == 1
                else { continue }
                personWords[word] = nil
            }
        }
        var mentions: [Mention] = []
        let personWordMap = WordMap(Set(personWords.keys))
        for index in readers.indices { mentions += readers[index].mentions(names[index], personWords: personWordMap) }
        mentions += creditMentions(document)
        document.mentions = mentions
    }

    /// The agencies of credit lines and datelines, as organisation mentions.
    private func creditMentions(_ document: Document) -> [Mention] {
        var mentions: [Mention] = []
        for credit in document.credits {
            let block = document.blocks.first { ($0.role == .credit || $0.role == .dateline) && document.string($0.span).contains(credit) }
            guard let block else { continue }
            let text = document.string(block.span)
            let offset = text.utf8.distance(from: text.startIndex, to: text.range(of: credit)!.lowerBound)
            let span = Span(block.span.start + offset, block.span.start + offset + credit.utf8.count)
            let entry = knowledge.entries(named: credit).first { $0.type == .org }
            mentions.append(
                Mention(
                    span: span, tokens: 0..<0, sentence: nil, type: .org, kind: .credit, entry: entry, country: entry?.country,
                    sector: entry?.sector ?? "MED", foundBy: "credit"))
        }
        return mentions
    }
}
