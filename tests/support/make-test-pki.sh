#!/usr/bin/env bash
# Makes a throw-away PKI for the central server's tests, at test time (DESIGN.md: Testing):
#   ca.crt/.key            the test CA (kiosk and server certificates)
#   server.crt/.key        the server, for 127.0.0.1 and localhost
#   server-rsa.crt/.key    the same with an RSA key that allows key encipherment (static-RSA suites)
#   kiosk.crt/.key         kiosk K2 of contact point SGN: subject "CN=kiosk-K2,O=Wijkpunt"
#   kiosk3.crt/.key        kiosk K3 of SGN (a second, valid kiosk)
#   revoked.crt/.key       kiosk K4: valid, but listed as revoked in the test config
#   unknown.crt/.key       a valid certificate of the CA that no kiosk is mapped to
#   expired.crt/.key       kiosk K2's subject, signed by the CA, expired in 2020
#   wrong-ca.crt/.key      another CA; rogue-kiosk.crt/.key and rogue-server.crt/.key are signed by it
#   server.pin             the server key's pin, "sha256//BASE64" (curl's pinned public key form)
#   other.pin              a pin of some other key
#   backup.key, backup.pub.pem  the X25519 pair backups are encrypted to ([backup] recipient_public_key)
# Every private key is 0600: wijkpunt-central refuses a key that group or others may read.
# Usage: make-test-pki.sh DIR   (DIR is created; EC P-256 keys, so handshakes stay cheap)
set -euo pipefail
dir="$1"
mkdir -p "$dir"
cd "$dir"
export OPENSSL_CONF=/dev/null  # no system defaults leak in

key() {
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null
  chmod 600 "$1"
}

ca() {  # name subject
  key "$1.key"
  openssl req -x509 -new -key "$1.key" -subj "$2" -days 3650 -out "$1.crt" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
}

# sign NAME SUBJECT CA EXTFILE-TEXT [openssl x509 options...]
sign() {
  local name="$1" subject="$2" ca="$3" ext="$4"
  shift 4
  key "$name.key"
  openssl req -new -key "$name.key" -subj "$subject" -out "$name.csr" 2>/dev/null
  printf '%s\n' "$ext" > "$name.ext"
  openssl x509 -req -in "$name.csr" -CA "$ca.crt" -CAkey "$ca.key" -CAcreateserial -days 825 \
    -extfile "$name.ext" -out "$name.crt" "$@" 2>/dev/null
  rm -f "$name.csr" "$name.ext"
}

server_ext='basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth
subjectAltName=IP:127.0.0.1,DNS:localhost'
client_ext='basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=clientAuth'

ca ca "/O=Wijkpunt Test/CN=Wijkpunt Test CA"
sign server "/O=Wijkpunt/CN=127.0.0.1" ca "$server_ext"
sign kiosk "/O=Wijkpunt/CN=kiosk-K2" ca "$client_ext"
sign kiosk3 "/O=Wijkpunt/CN=kiosk-K3" ca "$client_ext"
sign revoked "/O=Wijkpunt/CN=kiosk-K4" ca "$client_ext"
sign unknown "/O=Wijkpunt/CN=kiosk-K9" ca "$client_ext"

ca wrong-ca "/O=Someone Else/CN=Wrong CA"
sign rogue-kiosk "/O=Wijkpunt/CN=kiosk-K2" wrong-ca "$client_ext"
sign rogue-server "/O=Wijkpunt/CN=127.0.0.1" wrong-ca "$server_ext"

# A server certificate with an RSA key that allows key encipherment: with it, only the server's cipher list
# keeps static-RSA key exchange out (tests/integration/security_transport_test.cpp).
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out server-rsa.key 2>/dev/null
openssl req -new -key server-rsa.key -subj "/O=Wijkpunt/CN=127.0.0.1" -out server-rsa.csr 2>/dev/null
printf '%s\n' "${server_ext/digitalSignature/digitalSignature,keyEncipherment}" > server-rsa.ext
openssl x509 -req -in server-rsa.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 825 \
  -extfile server-rsa.ext -out server-rsa.crt 2>/dev/null
rm -f server-rsa.csr server-rsa.ext

# An expired certificate: `openssl ca` is the one command of OpenSSL 3.0 that takes explicit dates.
mkdir -p expired-ca
: > expired-ca/index.txt
cat > expired-ca/ca.cnf <<CNF
[ca]
default_ca = test
[test]
dir = $PWD/expired-ca
database = \$dir/index.txt
new_certs_dir = \$dir
serial = \$dir/serial
default_md = sha256
policy = anything
copy_extensions = none
x509_extensions = client
[anything]
commonName = supplied
organizationName = optional
[client]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = clientAuth
CNF
echo 1000 > expired-ca/serial
key expired.key
openssl req -new -key expired.key -subj "/O=Wijkpunt/CN=kiosk-K2" -out expired.csr 2>/dev/null
openssl ca -batch -config expired-ca/ca.cnf -cert ca.crt -keyfile ca.key -in expired.csr -out expired.crt \
  -startdate 20200101000000Z -enddate 20200102000000Z -notext 2>/dev/null
rm -rf expired.csr expired-ca

pin() { openssl pkey -in "$1" -pubout -outform der 2>/dev/null | openssl dgst -sha256 -binary | base64; }
echo "sha256//$(pin server.key)" > server.pin
echo "sha256//$(pin wrong-ca.key)" > other.pin
# The revoked kiosk's serial, upper-case hex, for configs that revoke by serial.
openssl x509 -in revoked.crt -noout -serial | cut -d= -f2 > revoked.serial

# The backups' key pair (central/backup_file.h).
openssl genpkey -algorithm X25519 -out backup.key 2>/dev/null
chmod 600 backup.key
openssl pkey -in backup.key -pubout -out backup.pub.pem 2>/dev/null
