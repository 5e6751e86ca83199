/// Groups mentions into entities, one per real thing in the report (layer ``Layer/entities``).
///
/// Names linked to the knowledge base group by entry; a nationality, a
/// capital standing for its government and "the North" join their country;
/// a short name joins the full name it belongs to ("Shoigu" → "Sergei
/// Shoigu"), the nearest one before it when several fit ("Kim"); an
/// acronym joins the name it abbreviates. Descriptions join the person with
/// that role and country ("Russia's defence chief" → Shoigu); "the latter"
/// and "the former" the second-last and last person named; pronouns the
/// nearest fitting entity before them (he, she: a person; they: a group).
public struct EntityResolver: Stage {
    public let name = "entities"
    public let requires: Set<Layer> = [.furniture, .tokens, .mentions]
    public let assigns: Set<Layer> = [.entities]
    public let knowledge: KnowledgeBase
    public let words: EntityWords

    public init(knowledge: KnowledgeBase, words: EntityWords) {
        self.knowledge = knowledge
        self.words = words
    }

    public func run(_ document: inout Document) throws {
        var grouping = Grouping(document: document, knowledge: knowledge, words: words)
        grouping.groupNames()
        grouping.groupReferences()
        document.entities = grouping.entities()
    }
}

/// The work of grouping one document's mentions.
private struct Grouping {
    let document: Document
    let knowledge: KnowledgeBase
    let words: EntityWords
    let mentions: [Mention]
    /// The group of each mention, or nil for mentions not (yet) grouped.
    var group: [Int?]
    /// Mention indices of each group.
    var groups: [[Int]] = []
    /// The knowledge-base id or normalised name that keys a group.
    var keys: [String: Int] = [:]
    /// The lowercased words of each group's first name, and its initials.
    var headWords: [[String]] = []
    var headInitials: [String] = []
    /// The groups whose first name holds a word, and those with given initials: where a short name looks for its full one.
    var groupsWithWord: [String: [Int]] = [:]
    var groupsWithInitials: [String: [Int]] = [:]
    /// The quoted stretches of the text, in order.
    let quotations: [Span]

    init(document: Document, knowledge: KnowledgeBase, words: EntityWords) {
        self.document = document
        self.knowledge = knowledge
        self.words = words
        quotations = document.quotations()
        mentions = document.mentions
        group = Array(repeating: nil, count: mentions.count)
    }

    func text(_ index: Int) -> String { document.string(mentions[index].span) }

    mutating func join(_ index: Int, _ target: Int) {
        group[index] = target
        groups[target].append(index)
    }

    mutating func newGroup(_ index: Int, key: String) -> Int {
        // "al-Bashir" answers to "Bashir": a name's words without the particles joined to them.
        headWords.append(
            text(index).lowercased().spaceSeparated.map { word -> String in
                guard let dash = word.firstIndex(of: "-"), words.particles.contains(String(word[..<dash])) else { return String(word) }
                return String(word[word.index(after: dash)...])
            })
        headInitials.append(Self.initials(text(index).spaceSeparated.map(String.init)))
        for word in Set(headWords[headWords.count - 1]) { groupsWithWord[word, default: []].append(groups.count) }
        groupsWithInitials[headInitials[headInitials.count - 1], default: []].append(groups.count)
        groups.append([index])
        group[index] = groups.count - 1
        keys[key] = groups.count - 1
        return groups.count - 1
    }

    /// Names: by knowledge-base entry, then by full name, then short names and acronyms.
    mutating func groupNames() {
        let names = mentions.indices.filter { [.name, .demonym, .metonym, .credit].contains(mentions[$0].kind) }
        // Longest names first, so that short names find the full names they belong to.
        let lengths = mentions.map(\.span.length)
        let ordered = names.sorted { lengths[$0] != lengths[$1] ? lengths[$0] > lengths[$1] : $0 < $1 }
        for index in ordered {
            let mention = mentions[index]
            if let id = mention.kbID {
                if let target = keys[id] { join(index, target) } else { _ = newGroup(index, key: id) }
                if mention.kind == .name { keys[key(mention.type, text(index))] = group[index] }
                continue
            }
            let name = key(mention.type, text(index))
            if let target = keys[name] {
                join(index, target)
            } else if let target = containingName(index) {
                join(index, target)
            } else {
                _ = newGroup(index, key: name)
            }
        }
    }

    /// A normalised name key: type, lowercased, without a leading "the".
    func key(_ type: EntityType, _ name: String) -> String {
        var name = name.lowercased()
        if name.unicodeScalars.contains("’") { name = String(String.UnicodeScalarView(name.unicodeScalars.map { $0 == "’" ? "'" : $0 })) }
        if name.hasPrefix("the ") { name.removeFirst(4) }
        let kind = type == .loc ? EntityType.gpe : type
        return kind.rawValue + ":" + name
    }

    /// The group whose name holds this short name as whole words ("Kim" in "Kim Jong Un"), or whose initials it is ("JCS");
    /// the nearest named before it when several fit.
    func containingName(_ index: Int) -> Int? {
        let mention = mentions[index]
        let short = text(index).lowercased().spaceSeparated.map(String.init)
        var best: (group: Int, distance: Int)?
        // Only a group whose name holds the short name's first word, or whose initials it is, can fit.
        let fitting = (short.first.flatMap { groupsWithWord[$0] } ?? []) + (short.count == 1 ? groupsWithInitials[text(index)] ?? [] : [])
        for g in Set(fitting).sorted() {
            let members = groups[g]
            let head = members[0]
            guard mentions[head].type == mention.type || (mention.type == .gpe && mentions[head].type == .loc) else { continue }
            let full = headWords[g]
            guard full.count > short.count else { continue }
            let fits = Self.contains(full, short) || (short.count == 1 && mention.type == .org && headInitials[g] == text(index))
            guard fits else { continue }
            // The nearest member before the mention, else the first after it.
            let before = members.filter { mentions[$0].span.start < mention.span.start }.map { mention.span.start - mentions[$0].span.end }
            let distance = before.min() ?? (Int.max / 2 + (members.map { mentions[$0].span.start }.min() ?? 0))
            if best == nil || distance < best!.distance { best = (g, distance) }
        }
        return best?.group
    }

    static func contains(_ full: [String], _ part: [String]) -> Bool {
        guard part.count <= full.count else { return false }
        for start in 0...(full.count - part.count) where full[start..<(start + part.count)].elementsEqual(part) { return true }
        return false
    }

    /// "JCS" of "Joint Chiefs of Staff".
    static func initials(_ words: [String]) -> String {
        String(words.compactMap { $0.first }.filter(\.isUppercase))
    }

    // MARK: References

    /// Descriptions, "the North", "the latter", pronouns: each joins an entity already named.
    mutating func groupReferences() {
        for index in mentions.indices where group[index] == nil {
            let mention = mentions[index]
            switch mention.kind {
            case .description:
                if let target = describedGroup(index) { join(index, target) }
            case .pronoun:
                if let target = antecedentGroup(index) { join(index, target) }
            default:
                break
            }
        }
    }

    /// The group a description refers to.
    func describedGroup(_ index: Int) -> Int? {
        let mention = mentions[index]
        switch mention.foundBy {
        case "contextual":
            return mention.country.flatMap { keys["country:" + $0] }
        case "role":
            // The nearest person named before it who holds the role, by the text or the knowledge base.
            for earlier in stride(from: index - 1, through: 0, by: -1) {
                let other = mentions[earlier]
                guard let g = group[earlier], other.type == .person, other.kind == .name else { continue }
                if other.role == mention.role || (mention.role.map { other.entry?.roles.contains($0) ?? false } ?? false) { return g }
            }
            return nil
        case "former", "latter":
            // The last two people named before it: the latter is the nearer, the former the one before.
            var people: [Int] = []
            for earlier in stride(from: index - 1, through: 0, by: -1) {
                guard let g = group[earlier], mentions[earlier].type == .person, mentions[earlier].kind == .name, !people.contains(g) else {
                    continue
                }
                people.append(g)
                if people.count == 2 { break }
            }
            guard people.count == 2 else { return nil }
            return mention.foundBy == "latter" ? people[0] : people[1]
        default:
            // A role and a country: the person named with them, holding that office ("Russia's defence chief" is the
            // Defence Minister, not the President).
            guard let role = mention.role, let country = mention.country else { return nil }
            return groups.indices.first { g in
                groups[g].contains { member in
                    let other = mentions[member]
                    guard other.type == .person, other.kind == .name, other.country == country else { return false }
                    return (other.role.map { knowledge.sameOffice($0, role) } ?? false)
                        || (other.entry?.roles.contains { knowledge.sameOffice($0, role) } ?? false)
                }
            }
        }
    }

    /// A pronoun's antecedent: he or she, the nearest person before it in the sentence, else the first person of the
    /// sentence before (its subject, most often); they, the nearest group or country before it.
    func antecedentGroup(_ index: Int) -> Int? {
        let mention = mentions[index]
        let wantsPerson = mention.type == .person
        func fits(_ other: Int) -> Bool {
            guard mentions[other].kind != .pronoun else { return false }
            let type = mentions[other].type
            return wantsPerson ? type == .person : (type == .org || type == .gpe)
        }
        guard let sentence = mention.sentence else { return nil }
        // The mentions of this sentence and the three before it (mentions are in order), not the whole text's.
        var start = index
        while start > 0, (mentions[start - 1].sentence ?? sentence) >= sentence - 3 { start -= 1 }
        var earlier = (start..<index).filter { group[$0] != nil && fits($0) && mentions[$0].span.end <= mention.span.start }
        // Outside quotation marks, a pronoun does not stand for a name quoted: in "“We spent all day with Kim,” he said", he is
        // the speaker.
        if !isQuoted(mention.span) { earlier.removeAll { isQuoted(mentions[$0].span) } }
        // An object pronoun in a relative clause is not the clause's subject: in "Kim, who thanked him", him is not Kim.
        if words.objectPronouns.contains(text(index).lowercased()), let subject = relativeSubject(before: index) {
            earlier.removeAll { group[$0] == group[subject] }
        }
        if let nearest = earlier.last(where: { mentions[$0].sentence == sentence }) { return group[nearest] }
        // The subject of an earlier sentence: its first fitting mention that is not a possessive ("Mr Bush's re-election").
        for previous in stride(from: sentence - 1, through: max(0, sentence - 3), by: -1) {
            let candidates = earlier.filter { mentions[$0].sentence == previous }
            if let subject = candidates.first(where: { !isPossessive($0) }) ?? candidates.first { return group[subject] }
        }
        return nil
    }

    /// Whether a span lies between quotation marks (``Document/quotations()``, in order).
    func isQuoted(_ span: Span) -> Bool {
        let i = quotations.partitionPoint { $0.end > span.start }
        return i < quotations.count && quotations[i].contains(span)
    }

    /// Whether a mention is followed by "'s".
    func isPossessive(_ index: Int) -> Bool {
        let next = mentions[index].tokens.upperBound
        return next < document.tokens.count && document.forms[next] == "'s"
    }

    /// The mention a relative clause holding mention `index` is about: the one just before ", who" or ", which".
    func relativeSubject(before index: Int) -> Int? {
        var t = mentions[index].tokens.lowerBound - 1
        while t > 0 {
            let word = document.lowercasedForms[t]
            if word == "." || word == ";" { return nil }
            if words.relativePronouns.contains(word) && document.forms[t - 1] == "," {
                return (0..<index).last { mentions[$0].tokens.upperBound == t - 1 && group[$0] != nil }
            }
            t -= 1
        }
        return nil
    }

    // MARK: Entities

    /// One entity per group with a name; attributes from its mentions and the knowledge base.
    func entities() -> [Entity] {
        var out: [Entity] = []
        for members in groups {
            let sorted = members.sorted()
            let named = sorted.filter { [.name, .credit, .metonym, .demonym].contains(mentions[$0].kind) }
            guard !named.isEmpty else { continue }
            let head = mentions[named[0]]
            let entry = head.entry
            let longest = named.filter { mentions[$0].kind == .name || mentions[$0].kind == .credit }.max {
                text($0).count < text($1).count
            }
            // A knowledge-base name with a qualifier ("Joint Chiefs of Staff (South Korea)") is shown as the text writes it.
            var name =
                entry.map { $0.name.contains(" (") ? (longest.map(text) ?? $0.name) : $0.name } ?? longest.map(text) ?? text(named[0])
            if let longest, entry?.type == .person, text(longest).count > name.count { name = text(longest) }
            let types = named.map { mentions[$0].type }
            let type = entry?.type == .gpe && types.contains(.org) && head.kind == .name ? .org : (entry?.type ?? head.type)
            var roles: [String] = []
            for member in sorted { if let role = mentions[member].role, !roles.contains(role) { roles.append(role) } }
            roles += (entry?.roles ?? []).filter { !roles.contains($0) }
            let country = sorted.compactMap { mentions[$0].country }.first ?? entry?.country
            let sector = sorted.compactMap { mentions[$0].kind == .name ? mentions[$0].sector : nil }.first ?? entry?.sector
            out.append(
                Entity(
                    id: "e\(out.count + 1)", name: name, type: type == .loc && entry == nil ? .gpe : type, country: country, roles: roles,
                    sector: sector, kbID: entry?.id, latitude: entry?.latitude, longitude: entry?.longitude, mentions: sorted,
                    speaksForState: entry?.speaksForState ?? false))
        }
        return out.sorted { ($0.mentions.first ?? 0) < ($1.mentions.first ?? 0) }.enumerated().map { index, entity in
            var entity = entity
            entity.id = "e\(index + 1)"
            return entity
        }
    }
}
