import Foundation
import LifeCircleInput

/// What is known of one district before any rule is applied: its status, households and
/// population (with how they were obtained), and the facilities that serve it.
struct DistrictFacts {
    var id: String
    var name: String?
    var status: DistrictStatus?
    var households: Double?
    var householdsBasis: String?
    var population: Double?
    /// Whether `population` came from households × persons per household (its words are made
    /// only when an output needs them: `populationBasis`).
    var populationFromHouseholds = false
    var personsPerHousehold: Double
    var elderlyPopulation: Double?
    var shares: [FacilityShare]
    var problems: [String]

    init(_ district: InputFeature, in layer: InputLayer, shares: [FacilityShare], personsPerHousehold: Double) {
        id = district.id
        self.personsPerHousehold = personsPerHousehold
        name = layer.value("name", of: district)?.text
        self.shares = shares
        problems = []

        let statusLabel = layer.value("status", of: district)?.text ?? ""
        status = DistrictStatus(label: statusLabel)
        if status == nil {
            problems.append(statusLabel.isEmpty
                ? "no status (new / existing, 新建 / 已建)"
                : "status \"\(statusLabel)\" is not one of new / existing (新建 / 已建 / 旧城区 / 老旧小区)")
        }

        let population = number("population", district, layer)
        if let households = number("households", district, layer) {
            self.households = households
            householdsBasis = "attribute"
        } else if let population {
            households = population / personsPerHousehold
            householdsBasis = "population \(plain(population)) ÷ \(plain(personsPerHousehold)) persons per household"
        } else {
            problems.append("neither households (户数) nor population (人口) is given")
        }
        if let population {
            self.population = population
        } else if let households {
            self.population = households * personsPerHousehold
            populationFromHouseholds = true
        }
        elderlyPopulation = number("elderly_population", district, layer)
    }

    /// "attribute", or how the population was derived; nil when it is unknown.
    var populationBasis: String? {
        guard population != nil else { return nil }
        guard populationFromHouseholds, let households else { return "attribute" }
        return "households \(plain(households)) × \(plain(personsPerHousehold)) persons per household"
    }

    /// A numeric attribute; a value that is present but not a number is recorded as a problem.
    private mutating func number(_ canonical: String, _ district: InputFeature, _ layer: InputLayer) -> Double? {
        guard let value = layer.value(canonical, of: district), !value.isEmpty else { return nil }
        guard let number = value.number, number >= 0 else {
            problems.append("\(canonical) \"\(value)\" in field \(layer.fieldMapping[canonical] ?? canonical) is not a number ≥ 0")
            return nil
        }
        return number
    }

    /// Σ share × value over the serving facilities, and the ids of those without the value.
    func total(_ value: (FacilityShare) -> Double?) -> (sum: Double, missing: [String]) {
        var sum = 0.0
        var missing: [String] = []
        for share in shares {
            if let v = value(share) { sum += share.share * v } else { missing.append(share.id) }
        }
        return (sum, missing)
    }
}

/// A number as people write it: no trailing ".0", at most 2 decimals. Pure Swift (no
/// Foundation formatting): it runs for every check of every district.
func plain(_ x: Double) -> String {
    let rounded = (x * 100).rounded() / 100
    if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
    return String(rounded)
}
