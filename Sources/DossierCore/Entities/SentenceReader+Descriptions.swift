/// What describes a name in a sentence: titles and roles before it, countries around it, and the descriptions that
/// refer to a named entity without naming it ("the defence minister", "the North").
extension SentenceReader {
    /// Whether a range opens with a nationality or a country's name ("South Korean military", "US government").
    func leadsWithCountry(_ range: Range<Int>) -> Bool {
        for length in 1...min(2, range.count - 1) {
            let phrase = joined(range.lowerBound..<(range.lowerBound + length))
            if shared.knowledge.demonym(phrase) != nil || shared.knowledge.entries(named: phrase).first?.type == .gpe {
                return true
            }
        }
        return false
    }

    /// Whether a name stands as the place where something happens: after "in", "at" ..., or in a caption.
    /// Strictly, only "in", "at", "near" and the like count: "to Kim" is more often a recipient than a destination.
    func isPlace(_ range: Range<Int>, strict: Bool = false) -> Bool {
        if !strict && shared.document.blocks[shared.document.sentences[sentence].block].role == .caption { return true }
        guard range.lowerBound > 0 else { return false }
        var previous = range.lowerBound - 1
        if shared.lexicon.articles.contains(words[previous]) && previous > 0 { previous -= 1 }
        let word = shared.document.lowercasedForms[base + previous]
        return shared.lexicon.placeWords.contains(word)
            && !(strict && shared.lexicon.directions.contains(word))
    }

    // MARK: Titles

    /// Gives a person the role and country of a title before the name ("Russian Defence Minister Sergei Shoigu")
    /// or of an apposition after it ("Lee Sung Joon, a spokesperson for South Korea's Joint Chiefs").
    func addTitle(_ mention: inout Mention, _ range: Range<Int>) {
        var end = range.lowerBound
        if end > 0 && shared.lexicon.honorifics.contains(words[end - 1]) {
            if words[end - 1].hasSuffix(".") && !shared.lexicon.courtesyTitles.contains(words[end - 1]) {
                mention.role = words[end - 1]
            }
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
        if i < words.count, shared.lexicon.determiners.contains(words[i]) { i += 1 }
        for length in stride(from: 4, through: 1, by: -1) where i + length <= words.count {
            guard let role = role(in: i..<(i + length)) else { continue }
            mention.role = role.name
            mention.sector = role.sector
            var j = i + length
            if j < words.count, ["for", "of", "at", "with"].contains(words[j]) {
                j += 1
                if j < words.count, shared.lexicon.articles.contains(words[j]) { j += 1 }
                mention.country = country(startingAt: j) ?? mention.country
            }
            return
        }
    }

    /// The longest role title ending at `end` (exclusive), and where it starts.
    func role(endingAt end: Int) -> (Role, Int)? {
        for length in stride(from: 4, through: 1, by: -1) where end - length >= 0 {
            if let role = role(in: (end - length)..<end) { return (role, end - length) }
        }
        return nil
    }

    /// The country named just before `end`: a nationality ("Russian") or a possessive ("Russia's").
    func country(endingAt end: Int) -> String? {
        if end >= 2 && (words[end - 1] == "'s" || words[end - 1] == "'") {
            for length in stride(from: 3, through: 1, by: -1) where end - 1 - length >= 0 {
                if let entry = shared.knowledge.entries(named: joined((end - 1 - length)..<(end - 1))).first,
                    let country = entry.country
                {
                    return country
                }
            }
            return nil
        }
        for length in stride(from: 2, through: 1, by: -1) where end - length >= 0 {
            if let country = shared.knowledge.demonym(joined((end - length)..<end)) { return country.iso3 }
        }
        return nil
    }

    /// The country named from `start`: a nationality, a country or an organisation of a country ("South Korea's", "the Chinese").
    func country(startingAt start: Int) -> String? {
        for length in stride(from: min(4, words.count - start), through: 1, by: -1) where length > 0 {
            let phrase = joined(start..<(start + length))
            if let country = shared.knowledge.demonym(phrase) { return country.iso3 }
            if let entry = shared.knowledge.entries(named: phrase).first, let country = entry.country { return country }
        }
        return nil
    }

    // MARK: References

    /// Pronouns, "the former" and "the latter", contextual names ("the North") and
    /// country-qualified descriptions ("Russia's defence chief"), outside the names found.
    func references(excluding names: [Range<Int>]) -> [Mention] {
        var out: [Mention] = []
        let named = covered(by: names)
        func free(_ range: Range<Int>) -> Bool { !range.contains { named[$0] } }
        func add(
            _ range: Range<Int>, _ type: EntityType, _ kind: Mention.Kind, _ foundBy: String, country: String? = nil, role: Role? = nil
        ) {
            let span = Span(
                shared.document.tokens[base + range.lowerBound].span.start, shared.document.tokens[base + range.upperBound - 1].span.end)
            out.append(
                Mention(
                    span: span, tokens: (base + range.lowerBound)..<(base + range.upperBound), sentence: sentence, type: type, kind: kind,
                    country: country, role: role?.name, sector: role?.sector, foundBy: foundBy))
        }
        var i = 0
        while i < words.count {
            let word = words[i]
            if let pronoun = shared.pronouns[shared.document.lowercasedForms[base + i]], free(i..<(i + 1)) {
                add(i..<(i + 1), pronoun == .they ? .org : .person, .pronoun, "pronoun:\(word.lowercased())")
            } else if shared.articles.contains(word), i + 1 < words.count {
                let next = words[i + 1]
                if next == shared.lexicon.former || next == shared.lexicon.latter {
                    add(i..<(i + 2), .person, .description, next)
                    i += 2
                    continue
                }
                let phrase = joined(i..<(i + 2))
                if let iso3 = shared.lexicon.contextual[phrase] ?? shared.lexicon.contextual["the " + next],
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
            } else if startsName(i), let (countries, role, end) = coordinatedRole(i), free((i + 3)..<end) {
                // "the Russian and Ukrainian presidents": each country's holder of the office.
                add(i..<(i + 1), .person, .description, "description", country: countries.0, role: role)
                add((i + 2)..<end, .person, .description, "description", country: countries.1, role: role)
                i = end
                continue
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
    func roleAfterArticle(_ article: Int) -> (Role, Int)? {
        for length in stride(from: 3, through: 1, by: -1) where article + 1 + length <= words.count {
            let range = (article + 1)..<(article + 1 + length)
            if range.allSatisfy(startsLowercase), let role = role(in: range) { return (role, range.upperBound) }
        }
        return nil
    }

    /// "Russia's defence chief", "the Turkish president": a country then a role, with the role and where the phrase ends.
    func roleAfterCountry(_ start: Int) -> ((Role, Int), Int)? {
        // The country part: a nationality of one or two words, or a name and "'s".
        var countryEnd: Int?
        for length in stride(from: 2, through: 1, by: -1) where start + length <= words.count {
            let possessive = start + length < words.count && words[start + length] == "'s"
            let mayBeDemonym =
                length == 2
                ? shared.knowledge.mayStartDemonym(lowercased(start)) : shared.knowledge.mayBeDemonym(lowercased(start))
            guard mayBeDemonym || possessive else { continue }
            let phrase = joined(start..<(start + length))
            if mayBeDemonym, shared.knowledge.demonym(phrase) != nil {
                countryEnd = start + length
                break
            }
            if possessive, shared.knowledge.entries(named: phrase).first?.type == .gpe {
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

    /// "Russian and Ukrainian presidents", "US and Chinese foreign ministers": two countries of one word each (a
    /// nationality or a country's name) joined by "and", then a role title in the plural; the two countries, the role
    /// and where the phrase ends.
    func coordinatedRole(_ start: Int) -> ((String, String), Role, Int)? {
        guard start + 3 < words.count, words[start + 1] == "and", startsName(start + 2),
            let first = countryOfWord(start), let second = countryOfWord(start + 2)
        else { return nil }
        for length in stride(from: 3, through: 1, by: -1) where start + 3 + length <= words.count {
            let range = (start + 3)..<(start + 3 + length)
            guard let last = singular(lowercased(range.upperBound - 1)), shared.knowledge.mayEndRole(last) else { continue }
            let title = (range.dropLast().map { words[$0] } + [last]).joined(separator: " ")
            if let role = shared.knowledge.role(title) { return ((first, second), role, range.upperBound) }
        }
        return nil
    }

    /// The country one word names: a nationality ("Chinese") or a country's name ("US").
    func countryOfWord(_ i: Int) -> String? {
        if shared.knowledge.mayBeDemonym(lowercased(i)), let country = shared.knowledge.demonym(words[i]) { return country.iso3 }
        guard let entry = shared.knowledge.entries(named: words[i]).first, entry.type == .gpe else { return nil }
        return entry.country
    }

    /// A plural noun's singular, for role titles: "presidents" → "president", "secretaries" → "secretary"; nil when
    /// the word does not end in "s".
    func singular(_ word: String) -> String? {
        if word.hasSuffix("ies"), word.count > 4 { return word.dropLast(3) + "y" }
        if word.hasSuffix("s"), !word.hasSuffix("ss"), word.count > 3 { return String(word.dropLast()) }
        return nil
    }

    // MARK: Words

    /// Whether the word at `i` can start a name: a capital or a digit, and not a word that is never one.
    func startsName(_ i: Int) -> Bool {
        guard let first = words[i].unicodeScalars.first else { return false }
        return WordCase.isUppercase(first) || ("0"..."9").contains(first)
    }

    /// The role title the words of `range` make ("Defence Minister", "President"), looked up only when their last
    /// word can end one.
    func role(in range: Range<Int>) -> Role? {
        guard !range.isEmpty, shared.knowledge.mayEndRole(lowercased(range.upperBound - 1)) else { return nil }
        return shared.knowledge.role(joined(range))
    }

    /// Whether the word at `i` starts with a lowercase letter.
    func startsLowercase(_ i: Int) -> Bool {
        guard let byte = words[i].utf8.first else { return false }
        return byte < 0x80 ? byte &- 0x61 < 26 : words[i].first?.isLowercase == true
    }

    /// Whether the word at `i` has a letter or a digit (a dash has none).
    func hasWord(_ i: Int) -> Bool { words[i].contains { $0.isLetter || $0.isNumber } }

    func isJoiner(_ word: String) -> Bool { word == "of" || word == "the" || word == "and" || word == "'" || word == "-" }

    /// Words joined as a name is written: spaces between them, none before a possessive or an apostrophe.
    /// The lowercased form of the word at `i`.
    func lowercased(_ i: Int) -> String { shared.document.lowercasedForms[base + i] }

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
