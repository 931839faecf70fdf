import Foundation

/// The services of Kent's Family Hub Network (KCC Cabinet, 30 November 2023): seven delivered by
/// Family Hub practitioners and four made accessible through voluntary-sector partners, and
/// which of the generated buildings can host which. The hosting rules are illustrative (see
/// `datasets/kent/README.md`): the public record gives the services, not a building-by-building list.
public enum KentServices {
    /// The seven services Family Hub practitioners deliver: education for parents on child
    /// development, activities for children aged 0-5, activities for older children and young
    /// people, SEND information and advice, mental health signposting, support for parents of
    /// adolescents, online safety.
    public static let core = ["parent_education", "early_years", "youth_activities", "send_advice", "mental_health",
                              "adolescent_parents", "online_safety"]
    /// The four services made accessible through partners: substance misuse support for young
    /// people, domestic abuse support, debt and welfare advice, support for separating parents.
    public static let partner = ["substance_misuse", "domestic_abuse", "debt_welfare", "separating_parents"]
    /// All eleven, in the order sites list them.
    public static let all = core + partner

    /// The `kind` of a partner's building.
    public static let partnerKind = "partner"

    /// A Children's Centre with room for this many visits a year or more can run activities for
    /// older children too, so it can host all seven core services (be a Family Hub).
    static let familyHubCapacity = 12_000.0

    /// The services a generated building can host. Children's Centres: the early years and
    /// parenting offer, SEND advice, mental health signposting and online safety, and room for
    /// the partners' family services; the larger ones (`familyHubCapacity`) also the activities
    /// for older children and support for parents of adolescents. Youth buildings: the youth
    /// offer, SEND advice, signposting and substance misuse support. Partner venues: the four
    /// partner services.
    static func hosted(byKind kind: String, capacity: Double) -> [String] {
        let hosted: Set<String>
        switch kind {
        case "childrens_centre":
            var set: Set<String> = ["parent_education", "early_years", "send_advice", "mental_health", "online_safety",
                                    "domestic_abuse", "debt_welfare", "separating_parents"]
            if capacity >= familyHubCapacity { set.formUnion(["youth_activities", "adolescent_parents"]) }
            hosted = set
        case "youth_hub":
            hosted = ["youth_activities", "adolescent_parents", "send_advice", "mental_health", "online_safety", "substance_misuse"]
        default:
            hosted = Set(partner)
        }
        return all.filter(hosted.contains)
    }

    /// How a building's recorded visits divide between the services it runs today (Children's
    /// Centres: early years, parent education, SEND advice; youth buildings: youth activities,
    /// signposting, parents of adolescents), each share varied by building (log-normal, sd 0.2).
    static func usageMix(kind: String, random: inout SeededRandom) -> [(service: String, share: Double)] {
        let base: [(String, Double)] = kind == "childrens_centre"
            ? [("early_years", 0.6), ("parent_education", 0.25), ("send_advice", 0.15)]
            : [("youth_activities", 0.7), ("mental_health", 0.2), ("adolescent_parents", 0.1)]
        let drawn = base.map { ($0.0, $0.1 * exp(0.2 * random.normal())) }
        let total = drawn.reduce(0) { $0 + $1.1 }
        return drawn.map { ($0.0, $0.1 / total) }
    }

    /// `visits` (a whole number) split over `mix` in whole visits that add up to it exactly
    /// (largest remainder), so the visits per building and area are what they were before usage
    /// was recorded per service.
    static func split(_ visits: Double, over mix: [(service: String, share: Double)]) -> [(String, Double)] {
        let quotas = mix.map { visits * $0.share }
        var parts = quotas.map { $0.rounded(.down) }
        let order = quotas.indices.sorted { (quotas[$0] - parts[$0], $1) > (quotas[$1] - parts[$1], $0) }
        for index in order.prefix(Int(visits - parts.reduce(0, +))) { parts[index] += 1 }
        return zip(mix.map(\.service), parts).map { ($0, $1) }
    }
}
