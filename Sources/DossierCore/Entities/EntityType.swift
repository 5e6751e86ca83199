/// The kinds of named things Dossier tracks (see design/ANNOTATION.md).
public enum EntityType: String, Sendable, Hashable, CaseIterable, Codable {
    /// People.
    case person = "PERSON"
    /// Governments' bodies, ministries, armed forces, parties, armed groups, media, companies, international bodies.
    case org = "ORG"
    /// Countries, cities, states, regions with a government.
    case gpe = "GPE"
    /// Seas, straits, mountains, regions without a government.
    case loc = "LOC"
    /// Named weapon systems: "Hwasong-18", "Scud", "S-400".
    case weapon = "WEAPON"
    /// Named events: "Korean War", "G20 summit".
    case event = "EVENT"
    /// Actors named only by what they are, where an event names no one else: "police", "the protesters", "rebel
    /// fighters" (PETRARCH2's agents; not scored as named things).
    case agent = "AGENT"
}
