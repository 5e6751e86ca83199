extension JSONWriter {
    /// An entity of the contract: name, type, country, roles, actor code, knowledge-base id, coordinates and every mention.
    mutating func entity(_ entity: Entity, _ document: Document, _ map: BodyMap) {
        object { json in
            json.field("id", entity.id)
            json.field("name", entity.name)
            json.field("type", entity.type.rawValue)
            json.field("country", entity.country)
            json.field("roles", entity.roles)
            json.field("actor", entity.actorCode)
            json.field("kb", entity.kbID)
            json.coordinates(latitude: entity.latitude, longitude: entity.longitude)
            json.key("mentions")
            json.array { json in
                for index in entity.mentions {
                    let mention = document.mentions[index]
                    json.object { json in
                        json.field("text", textOf: mention.span, in: document)
                        json.position(of: mention.span, in: document, map)
                        json.field("kind", mention.kind.rawValue)
                        json.field("by", mention.foundBy)
                    }
                }
            }
        }
    }

    /// An event of the contract: codes, actors by entity id, date, place, status, attribution and evidence.
    mutating func event(_ event: Event, _ index: Int, _ document: Document, _ map: BodyMap) {
        func id(_ entity: Int?) -> String? { entity.map { document.entities[$0].id } }
        object { json in
            json.field("id", "v\(index + 1)")
            json.field("cameo", event.code)
            json.field("plover", event.cameo?.plover)
            json.field("mode", event.cameo?.mode)
            if let cameo = event.cameo {
                json.key("goldstein")
                json.number(cameo.goldstein)
                json.field("quad_class", cameo.quadClass)
            }
            json.field("source", id(event.source))
            json.field("target", id(event.target))
            json.field("date", event.date)
            json.field("location", id(event.location))
            json.field("status", event.status.rawValue)
            json.field("attributed_to", id(event.attributedTo))
            json.key("evidence")
            json.object { json in
                json.position(of: event.evidence, in: document, map)
                json.field("text", textOf: event.evidence, in: document)
            }
            json.field("trigger", textOf: event.trigger, in: document)
            json.field("pattern", event.pattern)
        }
    }
}
