"""Interop check: drive the eCall simulator with zeep, an independent SOAP stack.

Usage: /usr/bin/python3 zeep_client.py <wsdl-url> <job-id-prefix>

Loads the WSDL the simulator serves, binds both ports of service eCall ({eCallWebservice}eCallSoap,
SOAP 1.1, and eCallSoap12, SOAP 1.2), calls all five operations on each and prints one JSON object:
{"1.1": {"SendSMSBasic": {...}, ...}, "1.2": {...}}.
"""
import json
import sys

import requests
import zeep
from zeep.helpers import serialize_object
from zeep.transports import Transport

# Port names of service eCall; each port uses the binding of the same name ({eCallWebservice}eCallSoap...).
PORTS = {"1.1": "eCallSoap", "1.2": "eCallSoap12"}
ACCOUNT = {"AccountName": "demo", "AccountPassword": "demo"}


def call_all(service, prefix):
    sms_job = f"{prefix}-sms"
    results = {
        "SendSMSBasic": service.SendSMSBasic(
            **ACCOUNT, Address="079 123 45 67", Message="Grüezi from zeep", JobID=sms_job
        ),
        "SendFaxBasic": service.SendFaxBasic(
            **ACCOUNT, Address="0441234567", Message="Fax text", JobID=f"{prefix}-faxbasic", Subject="Hi"
        ),
        "SendFax": service.SendFax(
            **ACCOUNT,
            Address="0441234567",
            Message="Fax with attachment",
            JobID=f"{prefix}-fax",
            Files={"Attachment": [{"FileName": "letter.pdf", "FileContent": b"%PDF-1.4 zeep"}]},
        ),
        "SendVoiceBasic": service.SendVoiceBasic(
            **ACCOUNT, Address="0441234567", Message="Hallo", JobID=f"{prefix}-voice", MsgLanguage="DE"
        ),
        "GetStateBasic": service.GetStateBasic(**ACCOUNT, JobID=sms_job, Address="0041791234567"),
    }
    return {name: serialize_object(result, dict) for name, result in results.items()}


def main():
    wsdl_url, prefix = sys.argv[1], sys.argv[2]
    session = requests.Session()
    session.trust_env = False  # never route 127.0.0.1 through a proxy from the environment
    client = zeep.Client(wsdl_url, transport=Transport(session=session, timeout=10))
    out = {}
    for version, port in PORTS.items():
        out[version] = call_all(client.bind("eCall", port), f"{prefix}-{version}")
    print(json.dumps(out, default=str))


if __name__ == "__main__":
    main()
