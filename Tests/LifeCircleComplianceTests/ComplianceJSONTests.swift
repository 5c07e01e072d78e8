import Foundation
import LifeCircleCompliance
import LifeCircleOutput
import Testing

/// The district results write their own JSON; it must be what their `encode(to:)` gives.
@Suite struct ComplianceJSONTests {
    @Test func selfWrittenDistrictsEqualTheirEncodableForm() throws {
        // Every kind of district: failing, passing with two sites, missing households, a polygon
        // facility counted by its share, an unknown status, names with quotes and Chinese.
        let districts = [
            Fixture.district("D1", at: 0, ["households": .int(1000), "status": .string("new"), "name": .string("金凤 \"一区\"")]),
            Fixture.district("D2", at: 200, ["households": .int(300), "status": .string("existing")]),
            Fixture.district("D3", at: 400, ["status": .string("new")]),
            Fixture.district("D4", at: 600, ["population": .int(900)]),
        ]
        let facilities = [
            Fixture.facility("F1", in: 0, ["floor_area_m2": .int(120), "name": .string("站\\点")]),
            Fixture.facility("F2", in: 200, ["floor_area_m2": .int(250)]),
            Fixture.facility("F3", in: 200, offset: 10, ["floor_area_m2": .int(90), "capacity": .int(12)]),
            Fixture.feature("F4", Fixture.square(650, 50), ["floor_area_m2": .int(400), "land_area_m2": .int(800)]),
        ]
        let report = try Fixture.check("yinchuan-2020", districts: districts, facilities: facilities)
        let selfWritten = try JSONStreamEncoder().encode(report).flatMap(\.bytes)
        let encodable = try JSONStreamEncoder(selfWriting: false).encode(report).flatMap(\.bytes)
        #expect(String(decoding: selfWritten, as: UTF8.self) == String(decoding: encodable, as: UTF8.self))
        // And both are JSON that Foundation reads, with a district's keys as the schema names them.
        let json = try JSONSerialization.jsonObject(with: Data(selfWritten)) as! [String: Any]
        let first = (json["districts"] as! [[String: Any]])[0]
        #expect(first["provided_floor_area_m2"] as? Double == 120)
        #expect((first["checks"] as! [[String: Any]]).map { $0["rule"] as! String }.contains("YC-NEW"))
    }
}
