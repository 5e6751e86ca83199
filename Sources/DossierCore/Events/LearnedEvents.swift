/// A verb of a parsed sentence with an actor as its subject (its agent, in the passive) and another as its object,
/// passive subject or oblique: a place where an event between two actors may be stated.
struct Dyad {
    /// The verb's word index in the sentence.
    let verb: Int
    let sources: [Int]
    let targets: [Int]
    /// The features ``EventTypeClassifier`` reads, by name.
    let features: [String]
}

extension SentenceCoder {
    /// The events ``EventTypeClassifier`` finds in a sentence the patterns leave silent: the dyad its model is surest
    /// of, when it prefers an event to none. Only a sentence with a verb training saw, between two actors, is parsed.
    mutating func learnedEvents(in s: Int) -> [Event] {
        guard let classifier = coder.classifier else { return [] }
        let actors = actorsBySentence[s]
        guard let one = actors.first, actors.contains(where: { $0.entity != one.entity }) else { return [] }
        let tokens = Array(document.sentences[s].tokens)
        let firstEnd = actors.map { last($0.mention) }.min()!
        let lastStart = actors.map { first($0.mention) }.max()!
        // A plain loop: a closure over the coder here would copy it for every word.
        var verbs: [Int] = []
        for k in tokens.indices where tokens[k] > firstEnd && tokens[k] < lastStart && knows(form(tokens[k]), classifier) {
            let before = actors.filter { last($0.mention) < tokens[k] }.map(\.entity)
            if actors.contains(where: { first($0.mention) > tokens[k] && !before.contains($0.entity) }) { verbs.append(k) }
        }
        guard !verbs.isEmpty else { return [] }
        prepare(s)
        // "returned to Rome": a verb whose pattern needs an object states no event without one, learned or not; nor does
        // a verb that names ("called him a liar") or asks a question, nor one that gives a document ("released a report").
        verbs.removeAll { k in
            (cues[tokens[k]]?.patterns.contains(where: \.objectRequired) == true && !hasObject(tokens, k, after: k + 1))
                || asksNothing(tokens, k)
                || (cues[tokens[k]]?.patterns.contains { !$0.isNoun && holds(.gives, $0.code) } == true && givesDocument(tokens, k))
                || launchesCampaign(tokens, k)
        }
        guard verbs.contains(where: { tags[$0].isVerb }) else { return [] }
        if parsed == nil { parsed = parse() }
        guard let parsed else { return [] }
        var best: (dyad: Dyad, code: String, margin: Float)?
        for dyad in dyads(parsed, tokens) where verbs.contains(dyad.verb) {
            guard let (code, margin) = classifier.classify(EventTypeClassifier.features(dyad.features)),
                margin > best?.margin ?? EventTypeClassifier.minimumMargin
            else { continue }
            best = (dyad, code, margin)
        }
        guard let (dyad, code, _) = best, let source = dyad.sources.first, let target = dyad.targets.first else { return [] }
        let trigger = document.tokens[tokens[dyad.verb]].span
        let status = status(tokens, dyad.verb)
        return [
            Event(
                code: code, cameo: coder.cameo[code], source: source, target: target, location: location(tokens, actors),
                date: document.date(of: trigger, future: status == .planned), status: status,
                attributedTo: attribution(s, trigger), evidence: document.sentences[s].span, trigger: trigger,
                pattern: "learned: \(EventTypeClassifier.stem(form(tokens[dyad.verb]))) \(code)")
        ]
    }

    /// Whether the verb at `k` has for object a campaign ("launched a diplomatic offensive", "waged a trade war"): its
    /// object's words, a determiner and modifiers, then a campaign word before a noun.
    func launchesCampaign(_ tokens: [Int], _ k: Int) -> Bool {
        var j = k + 1
        while j + 1 < tokens.count, j <= k + 3, tags[j].isDeterminer || tags[j].isAdjective || tags[j].isNoun {
            if tags[j + 1].isNoun, isCampaign(nounAt: j + 1, tokens) { return true }
            j += 1
        }
        return false
    }

    /// Whether the classifier knows a word's stem, looked up once a document for each word.
    mutating func knows(_ word: String, _ classifier: EventTypeClassifier) -> Bool {
        if let known = knownWords[word] { return known }
        let known = classifier.knows(lowercased: word) && !words.unlearned.contains(word)
        knownWords[word] = known
        return known
    }

    /// Every verb of the sentence with a source and a different target among the actors, with its features.
    func dyads(_ parsed: ParsedSentence, _ tokens: [Int]) -> [Dyad] {
        var out: [Dyad] = []
        for verb in parsed.tree.heads.indices where tags[verb].isVerb {
            let link = parsed.relation(verb).base
            guard link != "aux", link != "cop" else { continue }
            let passive = parsed.isPassive(verb) || (tags[verb].isPastParticiple && link == "acl")
            let sources = parsed.actors(passive ? parsed.agents(of: verb) : parsed.subjects(of: verb))
            guard !sources.isEmpty else { continue }
            var targets: [Int] = []
            var slot = ""
            // The object, the one acted on in the passive, an oblique, else what an open complement acts on ("agreed to
            // send troops to Mali").
            let complements = parsed.tree.dependents(of: verb, where: \.isOpenComplement)
            var places: [(String, [Int])] = [("obj", parsed.objects(of: verb))]
            if passive { places.append(("pass", parsed.passiveSubjects(of: verb))) }
            places += obliques(of: verb, parsed).map { ("p:" + $0.preposition, [$0.nominal]) }
            for complement in complements {
                places.append(("x:obj", parsed.objects(of: complement)))
                places += obliques(of: complement, parsed).map { ("x:" + $0.preposition, [$0.nominal]) }
            }
            for (name, nominals) in places {
                let found = parsed.actors(nominals).filter { !sources.contains($0) }
                if !found.isEmpty {
                    targets = found
                    slot = name
                    break
                }
            }
            guard !targets.isEmpty else { continue }
            out.append(
                Dyad(
                    verb: verb, sources: sources, targets: targets,
                    features: features(of: verb, slot: slot, passive: passive, sources[0], targets[0], parsed, tokens)))
        }
        return out
    }

    /// The nominals that depend on a word through a preposition, with it.
    func obliques(of head: Int, _ parsed: ParsedSentence) -> [(preposition: String, nominal: Int)] {
        parsed.tree.dependents(of: head) { $0.base == "obl" || $0.base == "nmod" }.compactMap { nominal in
            parsed.tree.dependents(of: nominal, where: \.isCaseMarker).first.map { (parsed.words[$0], nominal) }
        }
    }

    /// What the classifier reads of a dyad: the verb's stem; its objects, prepositions and open complements; the verb it
    /// complements; negation and modals; where the target stands; the actors' types; and the CAMEO roots the patterns
    /// give the verb and its object nouns.
    func features(
        of verb: Int, slot: String, passive: Bool, _ source: Int, _ target: Int, _ parsed: ParsedSentence, _ tokens: [Int]
    ) -> [String] {
        let stem = EventTypeClassifier.stem(parsed.words[verb])
        var out = ["bias", "v=" + stem, "t=" + slot, "vt=" + stem + "|" + slot]
        if passive { out.append("passive") }
        out.append("st=" + document.entities[source].type.rawValue)
        out.append("tt=" + document.entities[target].type.rawValue)
        for root in patternRoots(tokens[verb]) { out.append("r=" + root) }
        if let head = parsed.tree.heads[verb], parsed.relation(verb).isOpenComplement || parsed.relation(verb).isConjunct {
            out.append("h=" + EventTypeClassifier.stem(parsed.words[head]))
        }
        for dependent in parsed.tree.dependents(of: verb) {
            let relation = parsed.relation(dependent)
            let word = EventTypeClassifier.stem(parsed.words[dependent])
            if relation.isObject {
                out.append("o=" + word)
                for root in patternRoots(tokens[dependent]) { out.append("or=" + root) }
            } else if relation.isOpenComplement {
                out.append("x=" + word)
                for root in patternRoots(tokens[dependent]) { out.append("xr=" + root) }
            } else if relation.base == "advmod" || relation.base == "aux" {
                if has(tokens[dependent], .negation) { out.append("neg") }
                if tags[dependent].isModal { out.append("m=" + parsed.words[dependent]) }
            }
        }
        for (preposition, nominal) in obliques(of: verb, parsed) {
            out.append("p=" + preposition)
            out.append("pn=" + preposition + "|" + EventTypeClassifier.stem(parsed.words[nominal]))
        }
        return out
    }

    /// The CAMEO roots of the patterns a word triggers, in order (so that training is repeatable to the byte).
    func patternRoots(_ token: Int) -> [String] { Set((cues[token]?.patterns ?? []).map { String($0.code.prefix(2)) }).sorted() }
}
