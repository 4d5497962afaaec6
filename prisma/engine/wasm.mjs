// Loads Prisma's official schema engine compiled to WebAssembly
// (@prisma/schema-engine-wasm). Its package entry point does
// `import * as wasm from "./schema_engine_bg.wasm"`, which Node 20 only
// supports behind --experimental-wasm-modules, so we do that wiring by hand:
// instantiate the .wasm with the generated JS glue as its import object.
import fs from "node:fs";
import { fileURLToPath } from "node:url";

// wasm-bindgen forwards Rust panics here *before* trapping; without this global
// the glue itself throws a TypeError and the real panic message is lost.
let lastPanic = null;
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message) {
    lastPanic = message;
  },
};

/** The panic message recorded by the most recent wasm panic, if any. */
export function takePanicMessage() {
  const message = lastPanic;
  lastPanic = null;
  return message;
}

let loaded;

/** Returns the wasm-bindgen module (exports `SchemaEngine` and `version`). */
export function loadSchemaEngineWasm() {
  loaded ??= (async () => {
    const glueUrl = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const glue = await import(glueUrl);
    const wasmPath = fileURLToPath(new URL("schema_engine_bg.wasm", glueUrl));
    const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), {
      "./schema_engine_bg.js": glue,
    });
    glue.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    return glue;
  })();
  return loaded;
}
