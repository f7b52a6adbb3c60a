namespace StudyBot.Emulator.State;

/// <summary>A files[n] part of a multipart request.</summary>
public sealed record UploadedFile(int Index, string FileName, string ContentType, byte[] Bytes);
