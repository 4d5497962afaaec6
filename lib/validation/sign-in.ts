import { z } from "zod";
import { userString } from "./fields";

export const signInSchema = z.object({
  username: userString("用户名", "请输入用户名").trim().min(1, "请输入用户名").max(64, "用户名不能超过 64 个字符"),
  password: z.string().min(1, "请输入密码").max(256, "密码不能超过 256 个字符"),
});
export type SignInInput = z.infer<typeof signInSchema>;
