import LifeCircleGeometry

/// Checks raw coordinates against their declared CRS before anything is computed from them: the
/// mistakes planners' data most often carries (swapped axes, metres declared as degrees,
/// Gauss-Krüger zone prefixes, wrong or unknown codes) otherwise surface as results hundreds of
/// kilometres off, or not at all.
public enum CoordinateSanity {
    /// The issues found for coordinates with this envelope (x and y as read, before any transform)
    /// declared in `declared` (nil when the data declares none). With `target`, the corners and centre
    /// are also transformed, to catch what PROJ rejects. Empty when all looks right.
    public static func check(_ envelope: Envelope, declared: CRS?, target: CRS? = nil) -> [CoordinateIssue] {
        guard let declared else { return [undeclared(envelope)] }
        let definition: CRSDefinition
        do {
            definition = try declared.definition()
        } catch {
            return [CoordinateIssue(kind: .unknownCRS, message: "\(error)")]
        }
        let issues = definition.isGeographic
            ? geographicIssues(envelope, definition)
            : projectedIssues(envelope, definition)
        guard issues.isEmpty, let target else { return issues }
        return transformIssues(envelope, from: declared, to: target)
    }

    private static func undeclared(_ e: Envelope) -> CoordinateIssue {
        if let zone = prefixedZone(e) {
            return CoordinateIssue(
                kind: .missingCRS,
                message: "No CRS is declared. The eastings (\(seen(e))) start with the Gauss-Krüger zone "
                    + "prefix \(zone.number): the data is most likely CGCS2000 \(zone.summary) with zone prefix. "
                    + "Declare it as EPSG:\(zone.zonePrefixedEPSG).",
                suggestion: .epsg(zone.zonePrefixedEPSG))
        }
        if looksLikeDegrees(e) {
            return CoordinateIssue(
                kind: .missingCRS,
                message: "No CRS is declared; the numbers (\(seen(e))) look like degrees. Declare them as EPSG:4490 "
                    + "for CGCS2000 (or EPSG:4326 for GPS data, gcj02 for Amap or Tencent, bd09 for Baidu).",
                suggestion: .cgcs2000)
        }
        return CoordinateIssue(
            kind: .missingCRS,
            message: "No CRS is declared and the numbers (\(seen(e))) do not tell which it is. Declare the CRS "
                + "of the data, e.g. EPSG:4547 for CGCS2000 3-degree Gauss-Krüger CM 114°E.")
    }

    private static func geographicIssues(_ e: Envelope, _ definition: CRSDefinition) -> [CoordinateIssue] {
        let declared = "\(definition.crs) (\(definition.name))"
        let maxX = max(abs(e.minX), abs(e.maxX)), maxY = max(abs(e.minY), abs(e.maxY))
        let swappedAnywhere = maxX <= 90 && maxY > 90 && maxY <= 180
        // Latitudes 15–56 read as longitudes 70–140 are still valid degrees; only the place gives them away.
        let swappedInChina = e.minX >= 15 && e.maxX <= 56 && e.minY >= 70 && e.maxY <= 140
            && ChinaExtent.contains(Coordinate(x: e.center.y, y: e.center.x))
        if swappedAnywhere || swappedInChina {
            return [CoordinateIssue(
                kind: .axesSwapped,
                message: "\(declared) is geographic, so x must be longitude and y latitude, but \(seen(e)): "
                    + "longitude and latitude look swapped"
                    + (swappedAnywhere ? "" : " (read the other way round, the data lies in China)")
                    + ". Swap the x and y columns (or the axis order) and read the data again.")]
        }
        if maxX > 180 || maxY > 90 {
            let guess = projectedGuess(e)
            return [CoordinateIssue(
                kind: .projectedDeclaredAsGeographic,
                message: "\(declared) is in degrees, but \(seen(e)), beyond ±180 / ±90: these are projected "
                    + "metres, not degrees. \(guess.advice)",
                suggestion: guess.suggestion)]
        }
        return []
    }

    private static func projectedIssues(_ e: Envelope, _ definition: CRSDefinition) -> [CoordinateIssue] {
        let declared = "\(definition.crs) (\(definition.name))"
        if looksLikeDegrees(e) {
            return [CoordinateIssue(
                kind: .geographicDeclaredAsProjected,
                message: "\(declared) is projected, in metres, but \(seen(e)), which look like degrees of "
                    + "longitude and latitude. Declare them as EPSG:4490 (CGCS2000), EPSG:4326 (WGS 84), gcj02 "
                    + "(Amap, Tencent) or bd09 (Baidu), whichever the data came from.",
                suggestion: .cgcs2000)]
        }
        guard case .epsg(let code) = definition.crs, let (declaredZone, declaredPrefixed) = GaussKrugerZone.of(epsg: code)
        else { return [] }
        let dataZone = prefixedZone(e)
        let message: String
        let suggestion: Int
        switch (declaredPrefixed, dataZone) {
        case (false, let zone?):
            message = "\(declared) expects eastings of about 500000 m without a zone prefix, but \(seen(e)): "
                + "the eastings start with the zone prefix \(zone.number). The data is most likely in "
                + "EPSG:\(zone.zonePrefixedEPSG) (CGCS2000 \(zone.summary), eastings with zone prefix)"
            suggestion = zone.zonePrefixedEPSG
        case (true, nil) where e.minX >= 0 && e.maxX < 1_000_000:
            message = "\(declared) expects eastings that start with the zone prefix \(declaredZone.number), but "
                + "\(seen(e)), without a prefix. The data is most likely in EPSG:\(declaredZone.centralMeridianEPSG) "
                + "(CGCS2000 \(declaredZone.summary), no prefix)"
            suggestion = declaredZone.centralMeridianEPSG
        case (true, let zone?) where zone != declaredZone:
            message = "\(declared) is \(declaredZone.summary), but \(seen(e)): the eastings start with the "
                + "prefix of \(zone.summary). The data is most likely in EPSG:\(zone.zonePrefixedEPSG)"
            suggestion = zone.zonePrefixedEPSG
        default:
            return []
        }
        return [CoordinateIssue(
            kind: .zonePrefixMismatch, message: message + ": declare it as EPSG:\(suggestion).",
            suggestion: .epsg(suggestion))]
    }

    private static func transformIssues(_ e: Envelope, from source: CRS, to target: CRS) -> [CoordinateIssue] {
        let probes = [
            Coordinate(x: e.minX, y: e.minY), Coordinate(x: e.maxX, y: e.minY),
            Coordinate(x: e.minX, y: e.maxY), Coordinate(x: e.maxX, y: e.maxY), e.center,
        ]
        do {
            let converter = try CoordinateConverter(from: source, to: target)
            for probe in probes { _ = try converter.convert(probe) }
            return []
        } catch {
            let unknown = if case .unknownEPSG? = error as? CRSError { true } else { false }
            return [CoordinateIssue(kind: unknown ? .unknownCRS : .transformFailed, message: "\(error)")]
        }
    }

    /// What projected numbers (declared as degrees) most likely are.
    private static func projectedGuess(_ e: Envelope) -> (advice: String, suggestion: CRS?) {
        if let zone = prefixedZone(e) {
            return ("The eastings start with the Gauss-Krüger zone prefix \(zone.number): declare them as "
                + "EPSG:\(zone.zonePrefixedEPSG) (CGCS2000 \(zone.summary), eastings with zone prefix).",
                .epsg(zone.zonePrefixedEPSG))
        }
        if e.minX >= 100_000 && e.maxX <= 900_000 && plausibleNorthings(e) {
            return ("They look like Gauss-Krüger or UTM eastings without a zone prefix, which do not tell the zone: "
                + "declare the data's zone, e.g. EPSG:4547 for CGCS2000 3-degree CM 114°E "
                + "(EPSG:4534–4554 cover CM 75°E–135°E).", nil)
        }
        return ("Declare the projected CRS of the data.", nil)
    }

    /// The Gauss-Krüger zone whose prefix all eastings carry (x between 13 000 000 and 46 000 000).
    private static func prefixedZone(_ e: Envelope) -> GaussKrugerZone? {
        guard plausibleNorthings(e), let zone = GaussKrugerZone(zonePrefixedEasting: e.minX),
              GaussKrugerZone(zonePrefixedEasting: e.maxX) == zone
        else { return nil }
        return zone
    }

    /// Northings of the northern hemisphere up to the pole (China's reach 0–6 200 km).
    private static func plausibleNorthings(_ e: Envelope) -> Bool {
        e.minY >= 0 && e.maxY <= 10_000_000
    }

    private static func looksLikeDegrees(_ e: Envelope) -> Bool {
        max(abs(e.minX), abs(e.maxX)) <= 180 && max(abs(e.minY), abs(e.maxY)) <= 90
    }

    private static func seen(_ e: Envelope) -> String {
        "x runs \(rangeText(e.minX, e.maxX)) and y \(rangeText(e.minY, e.maxY))"
    }
}
