"""Independent check of the StationXML band evaluation (Seismic.DietGrasp.Metadata.StationXml).

Evaluates a one-channel StationXML response with numpy on the same 41 log-spaced frequencies from 2 to 20 Hz:
each stage is its gain times |H(f)| / |H(gain frequency)| (analog poles and zeros in rad/s, digital numerators
as an FIR at the stage's input rate, a stage with no coefficients a pure gain), and prints the ripple (largest
over smallest, dB) and the geometric mean. Used for the expected numbers of StationXmlTests.

    /usr/bin/python3 tools/metadata/stationxml_band.py tests/Seismic.DietGrasp.Tests/TestData/Metadata/IU.ANMO.10.BHZ.xml
"""
import sys
import xml.etree.ElementTree as ET

import numpy as np

NS = {"s": "http://www.fdsn.org/xml/station/1"}


def roots(element, name):
    return [complex(float(r.find("s:Real", NS).text), float(r.find("s:Imaginary", NS).text)) for r in element.findall(name, NS)]


def main(path):
    channel = ET.parse(path).getroot().find(".//s:Channel", NS)
    f = np.logspace(np.log10(2), np.log10(20), 41)
    total = np.ones_like(f)
    for stage in channel.find("s:Response", NS).findall("s:Stage", NS):
        gain = float(stage.find("s:StageGain/s:Value", NS).text)
        at = float(stage.find("s:StageGain/s:Frequency", NS).text)
        pz = stage.find("s:PolesZeros", NS)
        cf = stage.find("s:Coefficients", NS)
        if pz is not None:
            zeros, poles = roots(pz, "s:Zero"), roots(pz, "s:Pole")

            def response(x):
                s = 2j * np.pi * np.atleast_1d(x)
                return np.prod([s - z for z in zeros], axis=0) / np.prod([s - p for p in poles], axis=0)
        elif cf is not None and cf.findall("s:Numerator", NS):
            b = np.array([float(n.text) for n in cf.findall("s:Numerator", NS)])
            rate = float(stage.find("s:Decimation/s:InputSampleRate", NS).text)

            def response(x):
                return np.array([np.sum(b * np.exp(-2j * np.pi * v / rate * np.arange(len(b)))) for v in np.atleast_1d(x)])
        else:
            total *= gain
            continue
        total *= gain * np.abs(response(f)) / np.abs(response(at))
    print(f"ripple_db {20 * np.log10(total.max() / total.min()):.6f} mean {np.exp(np.mean(np.log(total))):.6e}")


if __name__ == "__main__":
    main(sys.argv[1])
