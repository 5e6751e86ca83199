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
    public let requires: Set<Layer> = [.sentences, .times]
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
        let readers = document.sentences.indices.map { index in
            SentenceReader(
                finder: self, document: document, sentence: index, words: forms[index], base: document.sentences[index].tokens.lowerBound,
                timeTokens: timeTokens)
        }
        let names = readers.indices.map { readers[$0].names(tags: tags[$0]) }
        // Words of people's full names, so that a surname alone is a person too ("Shoigu" after "Sergei Shoigu").
        var personWords = Set<String>()
        for (index, candidates) in names.enumerated() {
            for candidate in candidates where candidate.type == .person && candidate.range.count >= 2 {
                // Not an article the recogniser took in ("The Rev. Al Sharpton"): "The" alone names no one.
                for i in candidate.range where forms[index][i].count > 1 && !words.articles.contains(forms[index][i]) {
                    personWords.insert(forms[index][i])
                }
            }
        }
        var mentions: [Mention] = []
        let personWordMap = WordMap(personWords)
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
                    sector: entry?.sector ?? "MED", evidence: "credit"))
        }
        return mentions
    }
}

/// The mentions of one sentence.
///
/// A class: a reader holds the whole document, which a value would copy for every sentence and every call.
private final class SentenceReader {
    let finder: MentionFinder
    let document: Document
    let sentence: Int
    /// The sentence's token forms.
    let words: [String]
    /// Index in ``Document/tokens`` of the sentence's first token.
    let base: Int
    let timeTokens: Set<Int>

    init(finder: MentionFinder, document: Document, sentence: Int, words: [String], base: Int, timeTokens: Set<Int>) {
        self.finder = finder
        self.document = document
        self.sentence = sentence
        self.words = words
        self.base = base
        self.timeTokens = timeTokens
    }

    var knowledge: KnowledgeBase { finder.knowledge }
    var lexicon: EntityWords { finder.words }

    /// A candidate before merging: local token range, type, and what it links to.
    struct Candidate {
        var range: Range<Int>
        var type: EntityType
        var kind: Mention.Kind
        var entry: KBEntry?
        var country: String?
        var evidence: String
    }

    /// Names from the recogniser and the knowledge base, merged.
    func names(tags: [String]) -> [Candidate] {
        merge(recognised: recognised(tags), known: known())
    }

    /// The sentence's mentions: its names, surnames of people named in full elsewhere, and references.
    func mentions(_ names: [Candidate], personWords: WordMap<Bool>) -> [Mention] {
        // One word that is part of a person's full name in the report is that person, whatever else it may name:
        // "Kim" of "Kim Jong Un" is no city, "Howard" of "Michael Howard" no other Howard.
        var named = names.map { candidate in
            guard candidate.range.count == 1, candidate.entry?.id.hasPrefix("country:") != true,
                personWords.contains(words[candidate.range.lowerBound])
            else { return candidate }
            return Candidate(range: candidate.range, type: .person, kind: .name, entry: nil, country: nil, evidence: "name-part")
        }
        for i in words.indices
        where personWords.contains(words[i]) && !named.contains(where: { $0.range.contains(i) }) {
            named.append(Candidate(range: i..<(i + 1), type: .person, kind: .name, entry: nil, country: nil, evidence: "name-part"))
        }
        // "the North" of a report about Korea is the country, whatever the recogniser made of "North".
        named.removeAll { candidate in
            candidate.range.count == 1 && candidate.range.lowerBound > 0 && lexicon.articles.contains(words[candidate.range.lowerBound - 1])
                && lexicon.contextual["the " + words[candidate.range.lowerBound]] != nil
        }
        named.sort { $0.range.lowerBound < $1.range.lowerBound }
        var mentions: [Mention] = []
        for candidate in named {
            var mention = make(candidate)
            if mention.type == .person && mention.kind == .name { addTitle(&mention, candidate.range) }
            mentions.append(mention)
        }
        mentions += references(excluding: named.map(\.range))
        return mentions.sorted { $0.span < $1.span }
    }

    // MARK: Names

    /// The recogniser's spans: PER, ORG, LOC, MISC.
    private func recognised(_ tags: [String]) -> [Candidate] {
        var out: [Candidate] = []
        var start: Int?
        var label = ""
        func close(_ end: Int) {
            guard let s = start else { return }
            start = nil
            var range = s..<end
            while range.count > 1 && lexicon.honorifics.contains(words[range.lowerBound]) {
                range = (range.lowerBound + 1)..<range.upperBound
            }
            // Dashes and other marks the recogniser took in ("Donald Trump—not now") are no part of a name.
            while !range.isEmpty && !hasWord(range.upperBound - 1) { range = range.lowerBound..<(range.upperBound - 1) }
            while !range.isEmpty && !hasWord(range.lowerBound) { range = (range.lowerBound + 1)..<range.upperBound }
            guard !range.isEmpty else { return }
            let type: EntityType
            switch label {
            case "PER": type = .person
            case "ORG": type = .org
            case "LOC": type = .gpe
            default: type = .event  // MISC: kept only when it names a nationality or an event
            }
            out.append(Candidate(range: range, type: type, kind: .name, entry: nil, country: nil, evidence: "ner:\(label)"))
        }
        for (i, tag) in tags.enumerated() {
            if tag == "O" {
                close(i)
                continue
            }
            let parts = tag.split(separator: "-", maxSplits: 1)
            if parts.count < 2 {
                close(i)
                continue
            }
            let type = String(parts[1])
            if parts[0] == "B" || type != label || start == nil {
                close(i)
                start = i
                label = type
            }
        }
        close(tags.count)
        // "Osama bin Laden": a name particle between two people's names joins them into one.
        var joined: [Candidate] = []
        for candidate in out {
            if var previous = joined.last, previous.type == .person, candidate.type == .person,
                candidate.range.lowerBound == previous.range.upperBound + 1, lexicon.particles.contains(words[previous.range.upperBound])
            {
                previous.range = previous.range.lowerBound..<candidate.range.upperBound
                joined[joined.count - 1] = previous
            } else {
                joined.append(candidate)
            }
        }
        return joined.filter { !timeTokens.contains(base + $0.range.lowerBound) || $0.range.count > 1 }
    }

    /// Longest knowledge-base matches of capitalised token runs, and nationality adjectives.
    private func known() -> [Candidate] {
        var out: [Candidate] = []
        var i = 0
        while i < words.count {
            // A title opens no name: "President Xi Jinping" is the title and the name, not the alias "President Xi".
            guard startsName(i), let longest = finder.nameStarts[document.lowercasedForms[base + i]], role(in: i..<(i + 1)) == nil else {
                i += 1
                continue
            }
            var matched = false
            for length in stride(from: min(longest, words.count - i), through: 1, by: -1) {
                let range = i..<(i + length)
                if length > 1 && (isJoiner(words[range.upperBound - 1]) || !hasWord(range.upperBound - 1)) { continue }
                let phrase = joined(range)
                if let entry = knowledge.entries(named: phrase).first, accepts(entry, range) {
                    out.append(Candidate(range: range, type: entry.type, kind: .name, entry: entry, country: entry.country, evidence: "kb"))
                    i += length
                    matched = true
                    break
                }
                if length <= 2, let country = knowledge.demonym(phrase) {
                    out.append(
                        Candidate(
                            range: range, type: .gpe, kind: .demonym, entry: country.entry, country: country.iso3, evidence: "kb:demonym"))
                    i += length
                    matched = true
                    break
                }
            }
            if !matched { i += 1 }
        }
        return out
    }

    /// Whether a knowledge-base entry fits where it stands.
    private func accepts(_ entry: KBEntry, _ range: Range<Int>) -> Bool {
        if range.count == 1 && timeTokens.contains(base + range.lowerBound) { return false }  // "May" the month
        if range.count == 1 && lexicon.notNames.contains(words[range.lowerBound]) { return false }
        // A one-word alias of three letters or fewer names a person only after a title: "Kim", "Lee" and "Li" are
        // too many people's names, "President Xi" is one.
        if entry.type == .person && range.count == 1 && words[range.lowerBound].count <= 3
            && !(range.lowerBound > 0
                && (role(in: (range.lowerBound - 1)..<range.lowerBound) != nil || lexicon.honorifics.contains(words[range.lowerBound - 1])))
        {
            return false
        }
        // A one-word city other than a capital is a place only where a place is named ("Kim said" is a person).
        if range.count == 1 && entry.id.hasPrefix("city:") && !isPlace(range, strict: true) && knowledge.country(capital: entry.name) == nil
        {
            return false
        }
        return true
    }

    /// Recogniser and knowledge base together: the knowledge base links and types what both find; the
    /// recogniser adds names the knowledge base lacks, and keeps people whose names look like places ("Chad Smith").
    private func merge(recognised: [Candidate], known: [Candidate]) -> [Candidate] {
        var out: [Candidate] = []
        // Each recognised name finds the known names it overlaps by a binary search, not a scan: a text that is one
        // endless sentence holds thousands of each.
        let known = known.sorted { $0.range.lowerBound < $1.range.lowerBound }
        let longest = known.map(\.range.count).max() ?? 0
        var dropped = [Bool](repeating: false, count: known.count)
        for found in recognised {
            guard var candidate = plausible(found) else { continue }
            let range = candidate.range
            // From the first known name that starts after this one ends, back.
            var after = known.partitionPoint { $0.range.lowerBound >= range.upperBound }
            var overlappingIndices: [Int] = []
            while after > 0, known[after - 1].range.lowerBound + longest > range.lowerBound {
                after -= 1
                if known[after].range.overlaps(range) { overlappingIndices.insert(after, at: 0) }
            }
            let overlapping = overlappingIndices.map { known[$0] }
            if overlapping.isEmpty {
                if candidate.type == .event {
                    if let event = miscellaneous(candidate) { out.append(event) }
                    continue
                }
                // A name the knowledge base knows in a place it did not accept alone ("Mumbai (Bombay)"): linked all the same.
                if let entry = knowledge.entries(named: joined(candidate.range)).first(where: { fits($0.type, candidate.type) }) {
                    candidate.entry = entry
                    candidate.type = entry.type
                    candidate.country = entry.country
                    candidate.evidence += "+kb"
                } else if candidate.type != .person, let last = words[candidate.range.upperBound - 1].first.map(String.init),
                    lexicon.placeHeads.contains(words[candidate.range.upperBound - 1]), !last.isEmpty
                {
                    candidate.type = .loc  // "Sinpo South Shipyard", "Tiananmen Square"
                }
                out.append(candidate)
                continue
            }
            // A person the recogniser found over a place name the knowledge base matched ("Chad Smith", "Jordan Peterson"),
            // or over another person's surname ("Michael Howard" is not the known John Howard).
            if candidate.type == .person,
                overlapping.allSatisfy({
                    $0.range.count < candidate.range.count && ($0.type != .person || namesSomeoneElse(candidate.range, $0))
                })
            {
                for i in overlappingIndices { dropped[i] = true }
                out.append(candidate)
            }
        }
        out += known.indices.filter { !dropped[$0] }.map { known[$0] }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Whether a recognised name holds a known person's surname under another given name ("Michael Howard" over
    /// "Howard", the alias of John Howard).
    private func namesSomeoneElse(_ range: Range<Int>, _ known: Candidate) -> Bool {
        guard let entry = known.entry, known.range.lowerBound > range.lowerBound else { return false }
        let names = Set(([entry.name] + entry.aliases).flatMap { $0.lowercased().split(separator: " ") })
        return words[range.lowerBound..<known.range.lowerBound].contains { word in
            !lexicon.honorifics.contains(word) && knowledge.role(word) == nil && !names.contains(Substring(word.lowercased()))
        }
    }

    /// Whether types from the recogniser and the knowledge base agree (a place is a place, whatever kind).
    private func fits(_ known: EntityType, _ recognised: EntityType) -> Bool {
        known == recognised || ([.gpe, .loc].contains(known) && [.gpe, .loc].contains(recognised))
    }

    /// A recogniser span worth keeping: not a word that is never a name ("ICBM"), not a sentence-opening adverb
    /// ("Internationally"), not a headline's capitalised words; a compound of a country ("U.S.-led", "Syria-Turkey") is that country.
    private func plausible(_ candidate: Candidate) -> Candidate? {
        let first = words[candidate.range.lowerBound]
        if candidate.range.count == 1 && lexicon.notNames.contains(first) { return nil }
        if candidate.range.count == 1 && candidate.range.lowerBound == 0 && first.hasSuffix("ly") { return nil }
        if document.blocks[document.sentences[sentence].block].role == .title { return nil }
        if candidate.range.count <= 2, let dash = first.firstIndex(where: { $0 == "-" || $0 == "–" }), dash != first.startIndex {
            let head = String(first[..<dash])
            if let country = knowledge.demonym(head)
                ?? knowledge.entries(named: head).first.flatMap({ $0.country.flatMap(knowledge.country(iso3:)) })
            {
                return Candidate(
                    range: candidate.range.lowerBound..<(candidate.range.lowerBound + 1), type: .gpe, kind: .demonym, entry: country.entry,
                    country: country.iso3, evidence: "ner+kb:compound")
            }
            return nil
        }
        return candidate
    }

    /// A MISC span: an event when it ends like one ("Korean War", "Winter Olympics"), else nothing.
    private func miscellaneous(_ candidate: Candidate) -> Candidate? {
        let last = document.lowercasedForms[base + candidate.range.upperBound - 1]
        return lexicon.eventHeads.contains(last) ? candidate : nil
    }

    /// A mention from a candidate; a capital standing for its government becomes a mention of the country.
    private func make(_ candidate: Candidate) -> Mention {
        let span = Span(
            document.tokens[base + candidate.range.lowerBound].span.start, document.tokens[base + candidate.range.upperBound - 1].span.end)
        let tokens = (base + candidate.range.lowerBound)..<(base + candidate.range.upperBound)
        var mention = Mention(
            span: span, tokens: tokens, sentence: sentence, type: candidate.type, kind: candidate.kind, entry: candidate.entry,
            country: candidate.country, sector: candidate.entry?.sector, evidence: candidate.evidence)
        guard let entry = candidate.entry else { return mention }
        if entry.id.hasPrefix("seat:") {
            mention.type = .org
        } else if entry.type == .gpe, let iso3 = entry.country, let country = knowledge.country(iso3: iso3),
            country.capital.lowercased() == entry.name.lowercased(), !entry.id.hasPrefix("country:")
        {
            // A capital is its country: "Moscow denied" is Russia, and "officials in Beijing" are China's.
            mention.kind = .metonym
            mention.entry = country.entry
            mention.sector = isPlace(candidate.range) ? nil : "GOV"
            mention.evidence = "kb:capital"
        } else if entry.type == .org, let iso3 = entry.country, let country = knowledge.country(iso3: iso3),
            candidate.range.count > 1, let last = words[candidate.range.upperBound - 1].unicodeScalars.first, last.properties.isLowercase,
            leadsWithCountry(candidate.range)
        {
            // A description rather than a name ("Russian forces", "the US government") is its country, in the entry's sector.
            mention.type = .gpe
            mention.kind = .demonym
            mention.entry = country.entry
            mention.evidence = "kb:description"
        }
        return mention
    }

    /// Whether a range opens with a nationality or a country's name ("South Korean military", "US government").
    private func leadsWithCountry(_ range: Range<Int>) -> Bool {
        for length in 1...min(2, range.count - 1) {
            let phrase = joined(range.lowerBound..<(range.lowerBound + length))
            if knowledge.demonym(phrase) != nil || knowledge.entries(named: phrase).first?.type == .gpe { return true }
        }
        return false
    }

    /// Whether a name stands as the place where something happens: after "in", "at" ..., or in a caption.
    /// Strictly, only "in", "at", "near" and the like count: "to Kim" is more often a recipient than a destination.
    private func isPlace(_ range: Range<Int>, strict: Bool = false) -> Bool {
        if !strict && document.blocks[document.sentences[sentence].block].role == .caption { return true }
        guard range.lowerBound > 0 else { return false }
        var previous = range.lowerBound - 1
        if lexicon.articles.contains(words[previous]) && previous > 0 { previous -= 1 }
        let word = document.lowercasedForms[base + previous]
        return lexicon.placeWords.contains(word)
            && !(strict && lexicon.directions.contains(word))
    }

    // MARK: Titles

    /// Gives a person the role and country of a title before the name ("Russian Defence Minister Sergei Shoigu")
    /// or of an apposition after it ("Lee Sung Joon, a spokesperson for South Korea's Joint Chiefs").
    private func addTitle(_ mention: inout Mention, _ range: Range<Int>) {
        var end = range.lowerBound
        if end > 0 && lexicon.honorifics.contains(words[end - 1]) {
            if words[end - 1].hasSuffix(".") && !lexicon.courtesyTitles.contains(words[end - 1]) { mention.role = words[end - 1] }
            end -= 1
        }
        if let (role, start) = role(endingAt: end) {
            mention.role = role.name
            mention.sector = role.sector
            mention.country = country(endingAt: start) ?? mention.country
            return
        }
        // Apposition: NAME , (a|an|the) ROLE (for|of|at) COUNTRY's ...
        var i = range.upperBound
        guard i < words.count, words[i] == "," else { return }
        i += 1
        if i < words.count, lexicon.determiners.contains(words[i]) { i += 1 }
        for length in stride(from: 4, through: 1, by: -1) where i + length <= words.count {
            guard let role = role(in: i..<(i + length)) else { continue }
            mention.role = role.name
            mention.sector = role.sector
            var j = i + length
            if j < words.count, ["for", "of", "at", "with"].contains(words[j]) {
                j += 1
                if j < words.count, lexicon.articles.contains(words[j]) { j += 1 }
                mention.country = country(startingAt: j) ?? mention.country
            }
            return
        }
    }

    /// The longest role title ending at `end` (exclusive), and where it starts.
    private func role(endingAt end: Int) -> (Role, Int)? {
        for length in stride(from: 4, through: 1, by: -1) where end - length >= 0 {
            if let role = role(in: (end - length)..<end) { return (role, end - length) }
        }
        return nil
    }

    /// The country named just before `end`: a nationality ("Russian") or a possessive ("Russia's").
    private func country(endingAt end: Int) -> String? {
        if end >= 2 && (words[end - 1] == "'s" || words[end - 1] == "'") {
            for length in stride(from: 3, through: 1, by: -1) where end - 1 - length >= 0 {
                if let entry = knowledge.entries(named: joined((end - 1 - length)..<(end - 1))).first, let country = entry.country {
                    return country
                }
            }
            return nil
        }
        for length in stride(from: 2, through: 1, by: -1) where end - length >= 0 {
            if let country = knowledge.demonym(joined((end - length)..<end)) { return country.iso3 }
        }
        return nil
    }

    /// The country named from `start`: a nationality, a country or an organisation of a country ("South Korea's", "the Chinese").
    private func country(startingAt start: Int) -> String? {
        for length in stride(from: min(4, words.count - start), through: 1, by: -1) where length > 0 {
            let phrase = joined(start..<(start + length))
            if let country = knowledge.demonym(phrase) { return country.iso3 }
            if let entry = knowledge.entries(named: phrase).first, let country = entry.country { return country }
        }
        return nil
    }

    // MARK: References

    /// Pronouns, "the former" and "the latter", contextual names ("the North") and
    /// country-qualified descriptions ("Russia's defence chief"), outside the names found.
    private func references(excluding names: [Range<Int>]) -> [Mention] {
        var out: [Mention] = []
        func free(_ range: Range<Int>) -> Bool { !names.contains { $0.overlaps(range) } }
        func add(
            _ range: Range<Int>, _ type: EntityType, _ kind: Mention.Kind, _ evidence: String, country: String? = nil, role: Role? = nil
        ) {
            let span = Span(document.tokens[base + range.lowerBound].span.start, document.tokens[base + range.upperBound - 1].span.end)
            out.append(
                Mention(
                    span: span, tokens: (base + range.lowerBound)..<(base + range.upperBound), sentence: sentence, type: type, kind: kind,
                    country: country, role: role?.name, sector: role?.sector, evidence: evidence))
        }
        var i = 0
        while i < words.count {
            let word = words[i]
            if let pronoun = finder.pronouns[document.lowercasedForms[base + i]], free(i..<(i + 1)) {
                add(i..<(i + 1), pronoun == .they ? .org : .person, .pronoun, "pronoun:\(word.lowercased())")
            } else if finder.articles.contains(word), i + 1 < words.count {
                let next = words[i + 1]
                if next == lexicon.former || next == lexicon.latter {
                    add(i..<(i + 2), .person, .description, next)
                    i += 2
                    continue
                }
                let phrase = joined(i..<(i + 2))
                if let iso3 = lexicon.contextual[phrase] ?? lexicon.contextual["the " + next],
                    i + 2 >= words.count || !startsName(i + 2), free((i + 1)..<(i + 2))
                {
                    add(i..<(i + 2), .gpe, .description, "contextual", country: iso3)
                    i += 2
                    continue
                }
                // "the prime minister also urged": the person named earlier who holds the office.
                if let (role, end) = roleAfterArticle(i), free(i..<end), end >= words.count || (!startsName(end) && words[end] != "of") {
                    add(i..<end, .person, .description, "role", role: role)
                    i = end
                    continue
                }
            } else if startsName(i), let (role, end) = roleAfterCountry(i), free((end - role.1)..<end),
                end >= words.count || !startsName(end)
            {
                add(i..<end, .person, .description, "description", country: country(endingAt: end - role.1), role: role.0)
                i = end
                continue
            }
            i += 1
        }
        return out
    }

    /// "the prime minister": an article and a lowercase role title, and where the phrase ends.
    private func roleAfterArticle(_ article: Int) -> (Role, Int)? {
        for length in stride(from: 3, through: 1, by: -1) where article + 1 + length <= words.count {
            let range = (article + 1)..<(article + 1 + length)
            if range.allSatisfy(startsLowercase), let role = role(in: range) { return (role, range.upperBound) }
        }
        return nil
    }

    /// "Russia's defence chief", "the Turkish president": a country then a role, with the role and where the phrase ends.
    private func roleAfterCountry(_ start: Int) -> ((Role, Int), Int)? {
        // The country part: a nationality of one or two words, or a name and "'s".
        var countryEnd: Int?
        for length in stride(from: 2, through: 1, by: -1) where start + length <= words.count {
            let possessive = start + length < words.count && words[start + length] == "'s"
            let mayBeDemonym = length == 2 ? knowledge.mayStartDemonym(lowercased(start)) : knowledge.mayBeDemonym(lowercased(start))
            guard mayBeDemonym || possessive else { continue }
            let phrase = joined(start..<(start + length))
            if mayBeDemonym, knowledge.demonym(phrase) != nil {
                countryEnd = start + length
                break
            }
            if possessive, knowledge.entries(named: phrase).first?.type == .gpe {
                countryEnd = start + length + 1
                break
            }
        }
        guard let from = countryEnd else { return nil }
        for length in stride(from: 3, through: 1, by: -1) where from + length <= words.count {
            if let role = role(in: from..<(from + length)) { return ((role, length), from + length) }
        }
        return nil
    }

    // MARK: Words

    /// Whether the word at `i` can start a name: a capital or a digit, and not a word that is never one.
    private func startsName(_ i: Int) -> Bool {
        guard let first = words[i].unicodeScalars.first else { return false }
        return WordCase.isUppercase(first) || ("0"..."9").contains(first)
    }

    /// The role title the words of `range` make ("Defence Minister", "President"), looked up only when their last
    /// word can end one.
    private func role(in range: Range<Int>) -> Role? {
        guard !range.isEmpty, knowledge.mayEndRole(lowercased(range.upperBound - 1)) else { return nil }
        return knowledge.role(joined(range))
    }

    /// Whether the word at `i` starts with a lowercase letter.
    private func startsLowercase(_ i: Int) -> Bool {
        guard let byte = words[i].utf8.first else { return false }
        return byte < 0x80 ? byte &- 0x61 < 26 : words[i].first?.isLowercase == true
    }

    /// Whether the word at `i` has a letter or a digit (a dash has none).
    private func hasWord(_ i: Int) -> Bool { words[i].contains { $0.isLetter || $0.isNumber } }

    private func isJoiner(_ word: String) -> Bool { word == "of" || word == "the" || word == "and" || word == "'" || word == "-" }

    /// Words joined as a name is written: spaces between them, none before a possessive or an apostrophe.
    /// The lowercased form of the word at `i`.
    func lowercased(_ i: Int) -> String { document.lowercasedForms[base + i] }

    func joined(_ range: Range<Int>) -> String {
        var text = ""
        for i in range {
            let word = words[i]
            if !text.isEmpty && word != "'s" && word != "'" { text += " " }
            text += word
        }
        return text
    }
}
