import { describe, expect, it } from "vitest";
import { escapeLike, likePattern, prefixLikePattern } from "./sql";

describe("LIKE patterns", () => {
  it("take the wildcards and the escape character literally", () => {
    expect(escapeLike("50%_股份\\")).toBe("50\\%\\_股份\\\\");
    expect(likePattern("50%_股份\\")).toBe("%50\\%\\_股份\\\\%");
    expect(likePattern("怀化")).toBe("%怀化%");
    expect(prefixLikePattern("湖南")).toBe("湖南%");
    expect(prefixLikePattern("a_b")).toBe("a\\_b%");
  });
});
