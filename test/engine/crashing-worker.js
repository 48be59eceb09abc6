// A worker thread that dies in the middle of every turn (as on a crash or out of memory).
export default function crash() {
  process.exit(1);
}
