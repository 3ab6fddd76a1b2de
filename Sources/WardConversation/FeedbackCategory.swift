// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// Care Connect's feedback categories.
public enum FeedbackCategory: String, Hashable, Sendable, CaseIterable, Codable {
    case staff, access, delays, treatment, communication, cleanliness, equipment, medicines, dignity, parking
    case lostproperty, food, other

    /// Words that suggest the category; matched against whole words of the normalised text (prefix match
    /// for entries ending in `*`).
    var keywords: [String] {
        switch self {
        case .staff:
            [
                "nurse*", "doctor*", "staff", "consultant*", "porter*", "rude", "kind", "caring", "friendly",
                "attitude",
                "midwi*", "surgeon*", "receptionist*", "physio*", "hca", "matron",
            ]
        case .access:
            [
                "access", "wheelchair", "lift", "lifts", "stairs", "ramp", "disabled", "signage", "signs", "find",
                "directions", "visiting", "visitors", "visit",
            ]
        case .delays:
            ["wait*", "delay*", "late", "hours", "slow", "queue*", "cancelled", "postponed", "discharge", "ages"]
        case .treatment:
            ["treatment", "treated", "operation", "surgery", "care", "diagnos*", "pain", "scan", "test*", "procedure"]
        case .communication:
            [
                "told", "explain*", "information", "informed", "communicat*", "listen*", "update*", "letter*", "phone",
                "call", "answer*", "understand",
            ]
        case .cleanliness:
            [
                "clean*", "dirty", "filthy", "toilet*", "bathroom*", "shower*", "hygiene", "smell*", "dust*", "bins",
                "sheets", "bed", "bedding",
            ]
        case .equipment:
            ["equipment", "machine*", "broken", "monitor*", "bell", "buzzer", "tv", "wifi", "charger", "chair*"]
        case .medicines:
            ["medic*", "drug*", "tablet*", "pill*", "prescription*", "pharmacy", "painkiller*", "dose*", "injection*"]
        case .dignity:
            ["dignity", "privacy", "respect*", "curtain*", "undignified", "embarrass*", "ignored", "humiliat*"]
        case .parking:
            ["park*", "car", "cars", "ticket*", "permit*"]
        case .lostproperty:
            ["lost", "missing", "property", "stolen", "glasses", "hearing", "dentures", "belongings", "bag", "wallet"]
        case .food:
            [
                "food", "meal*", "lunch", "dinner", "breakfast", "drink*", "water", "tea", "coffee", "hungry",
                "thirsty",
                "cold", "menu", "snack*",
            ]
        case .other:
            []
        }
    }

    /// The most likely category for a free-text comment, or `.other` when nothing suggests one.
    public static func guess(for text: String) -> FeedbackCategory {
        let words = Normaliser.words(text)
        var best: (FeedbackCategory, Int) = (.other, 0)
        for category in allCases where category != .other {
            var hits = 0
            for word in words {
                for keyword in category.keywords {
                    if keyword.hasSuffix("*") ? word.hasPrefix(keyword.dropLast()) : word == keyword {
                        hits += 1
                        break
                    }
                }
            }
            if hits > best.1 {
                best = (category, hits)
            }
        }
        return best.0
    }
}
