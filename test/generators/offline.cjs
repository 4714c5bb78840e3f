// Preloaded into each generator's process (NODE_OPTIONS=--require): any attempt to resolve a name or open a
// connection to another host is refused and written to $GENERATOR_NETWORK_LOG, which the test asserts empty.
// Generators must work offline: CI has no network to spare, and a build must not phone home.
const dns = require("node:dns");
const fs = require("node:fs");
const net = require("node:net");

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);
function refuse(what) {
  fs.appendFileSync(process.env.GENERATOR_NETWORK_LOG, `${process.argv.slice(1).join(" ")}: ${what}\n`);
  return Object.assign(new Error(`offline: ${what}`), { code: "ENOTFOUND" });
}
for (const name of ["lookup", "resolve", "resolve4", "resolve6", "resolveAny"]) {
  const original = dns[name];
  dns[name] = function (host, ...rest) {
    if (LOOPBACK.has(host)) return original.call(this, host, ...rest);
    const callback = rest.at(-1);
    process.nextTick(() => callback(refuse(`dns.${name} ${host}`)));
  };
  const promised = dns.promises[name];
  dns.promises[name] = (host, ...rest) =>
    LOOPBACK.has(host) ? promised(host, ...rest) : Promise.reject(refuse(`dns.promises.${name} ${host}`));
}
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  // net.connect() passes its normalized arguments as one array: [options, callback].
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options = typeof first === "object" && first !== null ? first : { port: first, host: args[1] };
  const host = options.host ?? "localhost";
  if (options.path || LOOPBACK.has(host)) return connect.apply(this, args);
  const error = refuse(`connect ${host}:${options.port}`);
  process.nextTick(() => this.destroy(error));
  return this;
};
