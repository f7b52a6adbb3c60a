using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudyBot.Data.Entities;

namespace StudyBot.Data.Configurations;

internal sealed class GuildConfiguration : IEntityTypeConfiguration<Guild>
{
    public void Configure(EntityTypeBuilder<Guild> builder)
    {
        builder.ToTable("Guilds");
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.Name).HasMaxLength(100);
        builder.HasOne(g => g.Settings).WithOne().HasForeignKey<GuildSettings>(s => s.GuildId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GuildSettingsConfiguration : IEntityTypeConfiguration<GuildSettings>
{
    public void Configure(EntityTypeBuilder<GuildSettings> builder)
    {
        builder.ToTable("GuildSettings");
        builder.HasKey(s => s.GuildId);
        builder.Property(s => s.TimeZone).HasMaxLength(64);
    }
}

internal sealed class GuildMemberConfiguration : IEntityTypeConfiguration<GuildMember>
{
    public void Configure(EntityTypeBuilder<GuildMember> builder)
    {
        builder.ToTable("GuildMembers");
        builder.HasKey(m => new { m.GuildId, m.UserId });
        // A DM lists the guilds of one user.
        builder.HasIndex(m => m.UserId);
        builder.HasOne<Guild>().WithMany().HasForeignKey(m => m.GuildId).OnDelete(DeleteBehavior.Cascade);
    }
}
