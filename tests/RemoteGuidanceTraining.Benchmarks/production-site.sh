# Sourced by the load scripts: what a site needs to start in the Production environment on 127.0.0.1.
# Outside Development the site requires App:PublicBaseUrl and real AllowedHosts, and marks every cookie Secure,
# so it is served over HTTPS with a throwaway self-signed certificate (curl -k; wrk does not verify).
# production_site_args <folder for the certificate> <port>  prints the arguments, one per line.
production_site_args() {
  local folder=$1 port=$2
  if [[ ! -f "$folder/site.crt" ]]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" \
      -keyout "$folder/site.key" -out "$folder/site.crt" 2>/dev/null
  fi
  printf '%s\n' --environment=Production "--urls=https://127.0.0.1:$port" "--App:PublicBaseUrl=https://127.0.0.1:$port" \
    --AllowedHosts=127.0.0.1 "--Kestrel:Certificates:Default:Path=$folder/site.crt" \
    "--Kestrel:Certificates:Default:KeyPath=$folder/site.key"
}
