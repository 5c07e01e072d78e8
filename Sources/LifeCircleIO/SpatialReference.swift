import CGDAL

/// "EPSG:xxxx" when the CRS carries an EPSG code or GDAL can identify one, else the CRS's name.
func crsIdentifier(_ srs: OGRSpatialReferenceH) -> String? {
    // Identification adds the code to the object it works on: work on a copy, not the layer's own.
    guard let copy = OSRClone(srs) else { return nil }
    defer { OSRRelease(copy) }
    if OSRGetAuthorityCode(copy, nil) == nil { _ = OSRAutoIdentifyEPSG(copy) }
    if let authority = OSRGetAuthorityName(copy, nil), String(cString: authority) == "EPSG",
       let code = OSRGetAuthorityCode(copy, nil) {
        return "EPSG:" + String(cString: code)
    }
    return OSRGetName(srs).map { String(cString: $0) }
}

/// A new CRS for EPSG `code`, with x = longitude/easting whatever the EPSG axis order
/// (EPSG:4490 and 4326 are latitude first by definition, Gauss-Krüger CRSs northing first).
/// The caller releases it with `OSRRelease`.
func makeSpatialReference(epsg code: Int, log: GDALMessageLog) throws -> OGRSpatialReferenceH {
    guard let srs = OSRNewSpatialReference(nil) else {
        throw IOError.unknownEPSG(code: code, message: "GDAL could not create a spatial reference")
    }
    guard OSRImportFromEPSG(srs, Int32(code)) == OGRERR_NONE else {
        OSRRelease(srs)
        throw IOError.unknownEPSG(code: code, message: log.lastFailure() ?? "not in GDAL's EPSG database")
    }
    OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER)
    return srs
}
