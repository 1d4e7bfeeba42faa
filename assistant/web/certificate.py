"""HTTPS for the page on the LAN: a self-signed certificate the Pi makes itself.

On a home network plain HTTP lets anyone on the Wi-Fi read the page as it
passes. ``voice-journal web --https`` serves it over TLS with a certificate
made here, once, with ``cryptography`` (already a dependency for the
encrypted journal): no certificate authority, nothing fetched. The browser
warns the first time, since nobody vouches for the certificate; its
fingerprint is printed so the person can check that it is the Pi's. The key
and certificate live in the data folder (``web/``, 0700; the key 0600) and
are reused, so the fingerprint stays the same.
"""
from __future__ import annotations

import datetime
import ipaddress
import socket
from pathlib import Path

from assistant.journal.storage import write_private

VALID_DAYS = 3650


def certificate_files(data_dir: Path, hosts: list[str]) -> tuple[Path, Path, str]:
    """``(certificate, key, SHA-256 fingerprint)``, made on first use for ``hosts``."""
    # late: cryptography is needed only for --https (and an encrypted journal)
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    folder = Path(data_dir) / "web"
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    if not (cert_path.is_file() and key_path.is_file()):
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"voice-journal on {socket.gethostname()}")])
        names: list[x509.GeneralName] = []
        for host in dict.fromkeys(hosts + ["localhost", "127.0.0.1"]):
            try:
                names.append(x509.IPAddress(ipaddress.ip_address(host)))
            except ValueError:
                names.append(x509.DNSName(host))
        now = datetime.datetime.now(datetime.timezone.utc)
        cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
                .not_valid_after(now + datetime.timedelta(days=VALID_DAYS))
                .add_extension(x509.SubjectAlternativeName(names), critical=False)
                .sign(key, hashes.SHA256()))
        write_private(key_path, key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                  serialization.NoEncryption()).decode("ascii"))
        write_private(cert_path, cert.public_bytes(serialization.Encoding.PEM).decode("ascii"))
    cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
    fingerprint = cert.fingerprint(hashes.SHA256()).hex(":").upper()
    return cert_path, key_path, fingerprint

