/// The places of the store's entities, for a map.
extension StoreQueries {
    /// Entities that are places (GPE or LOC) and have coordinates, with the events that involve each (as source, target
    /// or place) and the events that took place there, both dated from `since` to `until` when given: most events first.
    public func places(since: String? = nil, until: String? = nil, limit: Int = 500) throws -> [PlaceSummary] {
        let (conditions, dateValues) = Self.dateConditions(since: since, until: until)
        let dated = Self.whereClause(conditions)
        // Each event once for each entity it involves: count(DISTINCT …) counts an event whose source is also its place once.
        let involvements = [("source_key", 0), ("target_key", 0), ("place_key", 1)].map { column, here in
            "SELECT e.id AS event_id, e.\(column) AS entity_key, \(here) AS here FROM events e \(dated)"
        }
        let rows = try store.database.read { session in
            try session.rows(
                """
                SELECT p.key, p.name, p.type, p.latitude, p.longitude, coalesce(c.events, 0), coalesce(c.here, 0)
                FROM entities p LEFT JOIN (
                    SELECT i.entity_key, count(DISTINCT i.event_id) AS events, sum(i.here) AS here
                    FROM (\(involvements.joined(separator: " UNION ALL "))) AS i
                    GROUP BY i.entity_key
                ) c ON c.entity_key = p.key
                WHERE p.type IN ('GPE', 'LOC') AND p.latitude IS NOT NULL AND p.longitude IS NOT NULL
                ORDER BY 6 DESC, p.key LIMIT ?
                """, dateValues + dateValues + dateValues + [.integer(Int64(limit))])
        }
        return rows.map(PlaceSummary.init(row:))
    }
}
